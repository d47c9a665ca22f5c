-- Candidate pairs the matcher was not sure about, for stewards to decide.
create table review_pair (
  id            bigserial   primary key,
  left_source   text        not null,
  left_id       text        not null,
  right_source  text        not null,
  right_id      text        not null,
  score         double precision not null,
  explanation   jsonb       not null,
  status        text        not null default 'open' check (status in ('open', 'merged', 'kept-apart', 'moot')),
  created_at    timestamptz not null default now(),
  decided_by    text,
  decided_at    timestamptz,
  unique (left_source, left_id, right_source, right_id)
);
create index review_pair_open on review_pair (created_at) where status = 'open';

-- Versions of the trained match model; the newest is the one in use.
create table match_model (
  version     bigserial   primary key,
  model       jsonb       not null,
  trained_on  bigint      not null,
  created_at  timestamptz not null default now(),
  created_by  text        not null
);
