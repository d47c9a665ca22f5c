-- A profile's history (GET /api/v1/profiles/{id}/history) and the audit trail of one subject
-- (GET /api/v1/audit?subject=…) read the entries about one profile or pair, newest or oldest first: without this
-- index, each read scanned the whole trail, which only grows.
create index audit_log_subject on audit_log (subject, id);
