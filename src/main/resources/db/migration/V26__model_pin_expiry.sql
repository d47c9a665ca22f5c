-- A restored model may be pinned for a number of days only (ModelVersions.restore, pinDays): once that time has
-- passed, automatic training learns from the data again, as it would had nobody pinned it. Null: pinned until an
-- administrator trains or restores again, as before. A pin nobody lifts stops a growing hub from learning for good.
alter table match_model add column pinned_until timestamptz;
