-- Runs the upkeep does once a day whatever the number of nodes (the scheduled re-resolution): the node that
-- inserts a day's row runs it, the others see the row taken and leave it.
create table scheduled_run (
  name       text        not null,
  day        date        not null,
  claimed_by text        not null,
  claimed_at timestamptz not null default now(),
  primary key (name, day)
);
