-- One mark per unfinished batch, naming all the profiles it touched, instead of one row per profile: a batch of
-- a thousand records wrote and then deleted a thousand mark rows (and their index entries) only so that a crash
-- between its two transactions could be repaired.
create table profile_dirty_batch (
  token        bigint      primary key,
  profile_ids  uuid[]      not null,
  marked_at    timestamptz not null default now()
);
insert into profile_dirty_batch (token, profile_ids, marked_at)
select token, array_agg(profile_id), max(marked_at) from profile_dirty group by token;
drop table profile_dirty;
