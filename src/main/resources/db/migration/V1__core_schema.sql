-- Source records: the truth of what every source said, one row per (source, source_id), newest version wins.
create table source_record (
  source        text        not null,
  source_id     text        not null,
  kind          text        not null,
  updated_at    timestamptz,
  content_hash  text        not null,
  deleted       boolean     not null default false,
  canonical     jsonb       not null,
  raw           text,
  -- standardized comparison values (encoded StandardRecord); null for orders that reference a customer
  standard      text,
  version       bigint      not null default 1,
  ingested_at   timestamptz not null default now(),
  primary key (source, source_id)
);

-- Unified profiles. Merged-away profiles stay as redirects to their survivor.
create table profile (
  profile_id   uuid        primary key,
  version      bigint      not null,
  status       text        not null check (status in ('active', 'merged', 'deleted')),
  merged_into  uuid        references profile (profile_id),
  kind         text,
  body         jsonb,
  value_12m    numeric     not null default 0,
  tier         text,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index profile_value_12m on profile (value_12m) where status = 'active';

-- Which profile each identity record belongs to, and why.
create table crosswalk (
  source       text        not null,
  source_id    text        not null,
  profile_id   uuid        not null references profile (profile_id),
  match        jsonb,
  assigned_at  timestamptz not null default now(),
  primary key (source, source_id),
  foreign key (source, source_id) references source_record (source, source_id)
);
create index crosswalk_profile on crosswalk (profile_id);

-- Identifier and blocking keys of the current version of each identity record.
create table match_key (
  key        text    not null,
  source     text    not null,
  source_id  text    not null,
  strong     boolean not null,
  primary key (key, source, source_id)
);
create index match_key_record on match_key (source, source_id);

-- Latest state of each order; aggregates are recomputed from here, so redelivery never double counts.
create table customer_order (
  source              text        not null,
  source_id           text        not null,
  customer_source     text        not null,
  customer_source_id  text        not null,
  ordered_at          timestamptz,
  amount              numeric(18, 2),
  currency            text,
  status              text,
  channel             text,
  updated_at          timestamptz,
  primary key (source, source_id)
);
create index customer_order_customer on customer_order (customer_source, customer_source_id);

create table merge_history (
  id        bigserial   primary key,
  survivor  uuid        not null,
  merged    uuid        not null,
  reason    jsonb,
  actor     text        not null,
  at        timestamptz not null default now()
);
create index merge_history_survivor on merge_history (survivor);

create table audit_log (
  id       bigserial   primary key,
  at       timestamptz not null default now(),
  actor    text        not null,
  action   text        not null,
  subject  text,
  detail   jsonb
);

-- Transactional outbox: profile-change events written with the change, published to Kafka afterwards.
create table outbox (
  id            bigserial   primary key,
  profile_id    uuid        not null,
  change_type   text        not null,
  version       bigint      not null,
  payload       jsonb       not null,
  created_at    timestamptz not null default now(),
  published_at  timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;

-- Input that could not be accepted, with the reason, whichever door it came through.
create table dead_letter (
  id      bigserial   primary key,
  at      timestamptz not null default now(),
  door    text        not null,
  source  text,
  reason  text        not null,
  payload text
);
