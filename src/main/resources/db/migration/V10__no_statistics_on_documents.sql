-- Nothing plans a filter or a join on a document column (a record's canonical form, raw text, standardized values
-- and key hashes, a profile's body and overrides, a match explanation): statistics on them only cost. Each ANALYZE
-- of the tables ingest joins (store.TableStatistics, and autovacuum's) read and hashed a sample of those
-- kilobyte-long values; with their target at 0 it collects none for them, and still counts the rows and resets
-- the table's count of changes.
alter table source_record
  alter column canonical set statistics 0,
  alter column raw set statistics 0,
  alter column standard set statistics 0,
  alter column key_hashes set statistics 0;
alter table profile
  alter column body set statistics 0,
  alter column overrides set statistics 0;
alter table crosswalk alter column match set statistics 0;
alter table review_pair alter column explanation set statistics 0;
