-- The profiles merged into a profile, found from it: an erasure scrubs the rows and notes of every profile merged
-- into the erased one (steward.StewardSql.ERASURE_PROFILES), inside a transaction that holds ingest back. Without an
-- index each step of that walk read the whole profile table. Only merged-away profiles have an entry.
create index profile_merged_into on profile (merged_into) where merged_into is not null;
