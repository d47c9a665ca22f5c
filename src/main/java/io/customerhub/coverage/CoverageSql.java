package io.customerhub.coverage;

/** Every statement of the source coverage report, in one place. Each reads one table whole. */
final class CoverageSql {

  private CoverageSql() {
  }

  /**
   * The report reads its three counts from one snapshot, so that they agree; a report is not worth holding a
   * connection for longer than a minute on a hub of many millions of records.
   */
  static final String SNAPSHOT = "set transaction isolation level repeatable read, read only";

  static final String TIMEOUT = "set local statement_timeout = '60s'";

  static final String RECORDS = """
      select source,
        count(*) filter (where not deleted and kind = 'person'),
        count(*) filter (where not deleted and kind = 'organization'),
        count(*) filter (where not deleted and kind = 'order'),
        count(*) filter (where deleted and erased_at is null),
        count(*) filter (where erased_at is not null),
        max(updated_at), max(ingested_at)
      from source_record group by source""";

  /** Active profiles by the set of sources their records come from (the crosswalk names active profiles only). */
  static final String COMBINATIONS = """
      select sources, count(*) from (
        select array_agg(distinct source order by source) as sources from crosswalk group by profile_id) p
      group by sources""";

  /** Open review pairs by source; a pair of two sources counts for each, a pair within one source once. */
  static final String OPEN_REVIEW_PAIRS = """
      select s, count(*) from review_pair,
        unnest(case when left_source = right_source then array[left_source] else array[left_source, right_source] end) s
      where status = 'open' group by s""";
}
