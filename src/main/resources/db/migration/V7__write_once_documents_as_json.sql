-- Documents the hub writes whole and reads whole (a record's canonical form, a profile's stored body, an event's
-- payload, a record's match explanation) are kept as json, not jsonb: PostgreSQL then only checks their syntax on
-- the way in and hands the text back as it is on the way out, instead of building and re-printing a binary tree
-- (about a tenth of PostgreSQL's ingest CPU). Nothing filters on their insides on a hot path; json still answers
-- the -> and ->> operators for the occasional query.
alter table source_record alter column canonical type json using canonical::json;
alter table profile alter column body type json using body::json;
alter table outbox alter column payload type json using payload::json;
alter table crosswalk alter column match type json using match::json;
