-- What each move of the kept-apart clock changed: the pairs a steward's action kept apart (kept) or let join again
-- (not kept). A node whose pairs are some moves behind reads only these instead of every kept-apart pair: after each
-- steward's action, every node's next batch read them all, up to a second with hundreds of thousands of pairs. Each
-- move keeps the changes of the last thousand moves; a node further behind reads every pair, as at its start.
create table kept_apart_change (
  seq          bigint  not null,
  left_source  text    not null,
  left_id      text    not null,
  right_source text    not null,
  right_id     text    not null,
  kept         boolean not null
);
create index kept_apart_change_seq on kept_apart_change (seq);
