-- What a young hub's records were last re-resolved with (ModelLearning): the model version and how many identity
-- records there were. Kept in memory only, a node that restarted counted every stored record as re-resolved with
-- the newest model, so a node stopped (or killed) after training a model but before re-resolving with it, or after
-- linking records online since its last re-resolution, never re-resolved them, not even for a reader of the
-- crosswalk. A database made before this table counts what it holds as re-resolved, as the nodes did at start.
create table reresolution_state (
  single           boolean     primary key default true check (single),
  model_version    bigint      not null,
  identity_records bigint      not null,
  updated_at       timestamptz not null default now()
);
insert into reresolution_state (model_version, identity_records)
select coalesce((select max(version) from match_model), 0),
       (select count(*) from source_record where standard is not null and not deleted);
