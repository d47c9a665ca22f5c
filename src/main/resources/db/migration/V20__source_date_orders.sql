-- Whether a source writes dates with the year last month first (07/04/1980 = 4 July) or day first, as its own dates
-- showed a hub node where its mapping does not say (ingest.DateOrders). Kept so that every node, and a node after a
-- restart, reads the source's next dates the same way. The first node to learn it writes the row; the others adopt it.
create table source_date_order (
  source      text        primary key,
  month_first boolean     not null,
  learned_at  timestamptz not null default now()
);
