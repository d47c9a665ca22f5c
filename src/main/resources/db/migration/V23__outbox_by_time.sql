-- A survivor of a member that died reads the profile changes of the last minutes from the outbox (cache.CrashRepair).
-- BRIN: the outbox is appended in time order, and a block-range summary costs its inserts next to nothing.
create index outbox_created_brin on outbox using brin (created_at);
