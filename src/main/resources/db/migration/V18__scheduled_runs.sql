-- Runs the upkeep does once a day whatever the number of nodes (the scheduled re-resolution). The node that claims a
-- day's row runs it and renews the claim while it does; a claim not renewed for a while and never finished (its
-- node died) may be taken over by another node while the day's window is open.
create table scheduled_run (
  name        text        not null,
  day         date        not null,
  claimed_by  text        not null,
  claimed_at  timestamptz not null default now(),
  renewed_at  timestamptz not null default now(),
  finished_at timestamptz,
  primary key (name, day)
);
