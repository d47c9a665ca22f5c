-- A record its source deleted leaves its profile, and the orders that name it as their customer were left to nobody:
-- a CRM removing a duplicate contact took the customer's order history, tier and routing lane with it. The key of
-- a deleted record stays here with the profile it left, for its orders alone: they count for that profile (and
-- follow it when it is merged into another) until a record of the key comes back.
create table retired_key (
  source     text        not null,
  source_id  text        not null,
  profile_id uuid        not null,
  retired_at timestamptz not null default now(),
  primary key (source, source_id)
);
create index retired_key_profile on retired_key (profile_id);
