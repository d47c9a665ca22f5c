package io.customerhub.resolve.index;

/** The statements that load the candidate index and keep it in step with what every node commits. */
final class IndexSql {

  private IndexSql() {
  }

  /** Taken at the end of a writing transaction: changes are numbered in the order they commit. */
  static final String CLOCK_LOCK = "select pg_advisory_xact_lock(1213547074, -4)";

  /** Appends one change (under {@link #CLOCK_LOCK}, so the next number is the last one plus one). */
  static final String APPEND = """
      insert into index_change (seq, sources, source_ids, losers, survivors)
      select coalesce(max(seq), 0) + 1, $1::text[], $2::text[], $3::uuid[], $4::uuid[] from index_change
      returning seq""";

  static final String LAST_SEQ = "select coalesce(max(seq), 0) from index_change";

  /**
   * The changes after $1, and a row of the log's end without changes when it ends before $2, the newest change the
   * node knows committed: the database lost commits (one round trip for both).
   */
  static final String CHANGES_AFTER = """
      select seq, sources, source_ids, losers, survivors from index_change where seq > $1
      union all
      select coalesce(max(seq), 0), null, null, null, null from index_change having coalesce(max(seq), 0) < $2
      order by 1""";

  /** Every identity record as the index holds it; read with a cursor. */
  static final String ALL_RECORDS = """
      select r.source, r.source_id, c.profile_id, r.standard, r.key_hashes
      from source_record r join crosswalk c on c.source = r.source and c.source_id = r.source_id
      where r.standard is not null and not r.deleted""";

  /** The current state of some records; a record without a standard or a profile is not indexed. */
  static final String RECORDS = """
      select k.source, k.source_id, c.profile_id, r.standard, r.key_hashes
      from unnest($1::text[], $2::text[]) as k(source, source_id)
      left join source_record r on r.source = k.source and r.source_id = k.source_id
        and r.standard is not null and not r.deleted
      left join crosswalk c on c.source = k.source and c.source_id = k.source_id""";

  /** Changes every node has long read; a node that was away longer reloads the whole index. */
  static final String PRUNE = """
      delete from index_change where at < now() - make_interval(hours => $1)
        and seq < (select max(seq) from index_change)""";
}
