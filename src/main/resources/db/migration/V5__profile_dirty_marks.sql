-- Profiles whose members changed in a committed resolution and that are still to be recomputed. A batch links
-- its records (crosswalk, merges) in one transaction and recomputes the profiles it touched in a second one, so
-- that the next batch can link while this one assembles: the mark, written with the links, is what a crash
-- between the two leaves behind, and the upkeep recomputes every mark older than a minute.
create table profile_dirty (
  token       bigint      not null,
  profile_id  uuid        not null,
  marked_at   timestamptz not null default now(),
  primary key (token, profile_id)
);
