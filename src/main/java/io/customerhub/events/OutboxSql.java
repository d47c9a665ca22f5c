package io.customerhub.events;

/** Statements of the outbox relay. */
final class OutboxSql {

  private OutboxSql() {
  }

  /** One relay at a time across all nodes, so events leave in commit order per profile. */
  static final String TRY_LEADER = "select pg_try_advisory_xact_lock(1213547074, -1)";

  /** The oldest events not yet published, each with how long it has waited (seconds, by the database's clock). */
  static final String NEXT_BATCH = """
      select id, profile_id, payload::text, extract(epoch from clock_timestamp() - created_at)::float8
      from outbox where published_at is null order by id limit $1""";

  static final String MARK_PUBLISHED = "update outbox set published_at = now() where id = any($1::bigint[])";

  /**
   * Events published more than {@code $1} hours ago, at most {@code $2} of them, oldest first: the primary key is
   * read from its start, where the old published events are, so a round reads little more than what it deletes.
   */
  static final String PRUNE_PUBLISHED = """
      delete from outbox where id in (
        select id from outbox where published_at < now() - make_interval(hours => $1) order by id limit $2)""";
}
