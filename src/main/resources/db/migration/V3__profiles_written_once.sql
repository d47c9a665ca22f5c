-- A batch creates its new profiles after it has written their crosswalk rows (it assembles them from the records
-- in hand, then inserts each once, whole): the crosswalk's reference to its profile is checked at commit.
alter table crosswalk alter constraint crosswalk_profile_id_fkey deferrable initially deferred;
