-- Every write of a profile row notes the transaction that wrote it (its 64-bit id, which never wraps), so that an
-- export can ask for the profiles changed since an earlier one (store.ProfileChanges). A transaction id, not
-- updated_at: a timestamp is taken when a transaction starts and a slower one commits after a faster, later one,
-- so a reader filtering on time misses it; every transaction that commits after a snapshot was taken has an id at
-- least that snapshot's xmin, whatever its start. Set by a trigger so that no statement, now or later, can forget
-- it. Rows written before this migration have none: no token given out after it can ask for them.
alter table profile add column changed_by xid8;

create function profile_changed_by() returns trigger language plpgsql as $$
begin
  new.changed_by := pg_current_xact_id();
  return new;
end
$$;

create trigger profile_changed_by before insert or update on profile
  for each row execute function profile_changed_by();

-- The pages of a delta, read in (transaction, profile) order: a profile written again while an export reads moves
-- further on and comes again, never skipped. Whole, not partial: the pages' row comparison implies no "is not null"
-- the planner can prove.
create index profile_changes on profile (changed_by, profile_id);
