-- Which standardization the stored records' standardized values and key hashes come from (resolve's
-- StandardizationFingerprint: the settings of conf/matching.json that shape them and what the code makes of a few
-- probe records). One row: set when a hub first stores records and by every re-standardization; a node whose own
-- fingerprint differs warns at start that the records need `bin/hub reresolve --restandardize`.
create table standardization (
  id           int         primary key default 1 check (id = 1),
  fingerprint  text        not null,
  at           timestamptz not null default now()
);
