-- The crosswalk is written by every batch, a row per record: its two foreign keys cost each row two lookups and
-- two row locks (FOR KEY SHARE) on the referenced profile and source record, and made a batch insert its new
-- profiles before it could write their crosswalk rows (so it wrote each new profile twice). Only the resolver
-- writes the crosswalk, inside the transaction that writes the records and profiles it names, and neither
-- records nor profiles are ever deleted (tombstones and redirects stay); the integrity tests check every
-- crosswalk row against both tables after each integration test class.
alter table crosswalk drop constraint crosswalk_profile_id_fkey;
alter table crosswalk drop constraint crosswalk_source_source_id_fkey;
