-- Golden attributes a steward set by hand, by attribute name: {"givenName": {"value": "Wei", "by": "alice",
-- "at": "2026-12-04T08:00:00Z", "note": "…"}}. They win over survivorship until removed; null for almost all.
alter table profile add column overrides jsonb;
