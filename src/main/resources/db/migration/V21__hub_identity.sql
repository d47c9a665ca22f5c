-- The one id of this hub's database, made once: the nodes of a Hazelcast cluster share one cache, so a node whose
-- database has another id than its cluster's other members' is refused at start (cache.ClusterMembers) instead of
-- answering their profiles as its own. Made with md5 so that it needs no extension on any supported PostgreSQL.
create table hub_identity (
  single     boolean     primary key default true check (single),
  id         uuid        not null,
  created_at timestamptz not null default now()
);
insert into hub_identity (id) values (md5(random()::text || clock_timestamp()::text)::uuid);
