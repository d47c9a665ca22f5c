package io.customerhub.cache;

/**
 * What the cache asks PostgreSQL: the state now of what commits changed lately, for {@link CrashRepair}. Both
 * read the window from the two logs every commit writes anyway, the outbox (one event per profile change) and
 * {@code index_change} (the source keys each transaction linked, moved or removed, and the profiles it merged),
 * so that the repair costs the ingest path nothing.
 */
final class CacheSql {

  private CacheSql() {
  }

  /**
   * How many profile changes and touched source keys the last $1 seconds logged, repeats counted: past the repair's
   * limit the cache is emptied without reading them (a bulk load logs millions in ten minutes).
   */
  static final String CHANGES_IN_WINDOW = """
      select (select count(*) from outbox where created_at > now() - make_interval(secs => $1))
        + (select coalesce(sum(cardinality(sources)), 0) from index_change where at > now() - make_interval(secs => $1))
      """;

  /** Profiles changed or merged in the last $1 seconds, with their version now; at most $2. */
  static final String CHANGED_PROFILES = """
      select p.profile_id, p.version from profile p
      where p.profile_id in (
        select o.profile_id from outbox o where o.created_at > now() - make_interval(secs => $1)
        union
        select unnest(i.losers || i.survivors) from index_change i where i.at > now() - make_interval(secs => $1))
      limit $2""";

  /**
   * The source keys of the profiles $2 and those a transaction of the last $1 seconds touched, each with the
   * profile it is in now and that profile's version (none for a key in no profile); at most $3.
   */
  static final String KEYS_NOW = """
      select k.source, k.source_id, c.profile_id, p.version
      from (select c.source, c.source_id from crosswalk c where c.profile_id = any($2::uuid[])
            union
            select s.source, s.source_id
            from index_change i, unnest(i.sources, i.source_ids) as s(source, source_id)
            where i.at > now() - make_interval(secs => $1)) k
      left join crosswalk c on c.source = k.source and c.source_id = k.source_id
      left join profile p on p.profile_id = c.profile_id
      limit $3""";
}
