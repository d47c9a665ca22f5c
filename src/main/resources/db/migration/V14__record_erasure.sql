-- A customer erased at their request (POST /api/v1/profiles/{id}/erase): each of its records keeps a row without
-- anything it said (no canonical values, raw text or standardized values), marked with when it was erased, so that
-- a source sending it again is answered "erased" and nothing of it is stored again.
alter table source_record add column erased_at timestamptz;
