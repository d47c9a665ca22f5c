-- The blocking index moves into each node's memory (resolve.index.CandidateIndex), loaded from source_record
-- (key_hashes, standard) and the crosswalk. Reading candidates and writing ten key rows per record were half of
-- PostgreSQL's work per ingested record; what nodes need to stay in step is one row per committed transaction.
create table index_change (
  seq         bigint      primary key,
  at          timestamptz not null default now(),
  sources     text[]      not null,
  source_ids  text[]      not null,
  losers      uuid[]      not null,
  survivors   uuid[]      not null
);

drop table match_key;
