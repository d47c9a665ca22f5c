-- The pairs stewards keep apart are held in every node's memory (resolve.KeptApart) and spread after commit, so a
-- batch that took the writer lock the moment a split committed linked without it: the split was undone. Every
-- steward action that keeps records apart (or lets them join again) moves this clock in its transaction; a batch
-- reads it under its writer lock and, when it moved, reads the pairs again before it links.
create table kept_apart_clock (
  single boolean primary key default true check (single),
  seq    bigint  not null
);
insert into kept_apart_clock (seq) values (0);
