package io.customerhub.coverage;

/** Every statement of the source coverage report, in one place. Each reads one table whole. */
final class CoverageSql {

  private CoverageSql() {
  }

  /**
   * The report reads its counts from one snapshot, so that they agree; a report is not worth holding a
   * connection for longer than a minute on a hub of many millions of records.
   */
  static final String SNAPSHOT = "set transaction isolation level repeatable read, read only";

  static final String TIMEOUT = "set local statement_timeout = '60s'";

  /**
   * Per source, its current records by kind, its deleted and erased ones, the newest updatedAt it gave (held to
   * the year 9999: a record an older release let in with a later time would make the answer unreadable) and when
   * the hub last stored one.
   */
  static final String RECORDS = """
      select source,
        count(*) filter (where not deleted and kind = 'person'),
        count(*) filter (where not deleted and kind = 'organization'),
        count(*) filter (where not deleted and kind = 'order'),
        count(*) filter (where deleted and erased_at is null),
        count(*) filter (where erased_at is not null),
        least(max(updated_at), timestamptz '9999-12-31 23:59:59.999999+00'), max(ingested_at)
      from source_record group by source""";

  /** Active profiles by the set of sources their records come from (the crosswalk names active profiles only). */
  static final String COMBINATIONS = """
      select sources, count(*) from (
        select array_agg(distinct source order by source) as sources from crosswalk group by profile_id) p
      group by sources""";

  /**
   * How many of each source's current persons and organizations give each field (the canonical form leaves out
   * what a record does not give, empty lists included). Each document is cast to jsonb once: without the
   * {@code offset 0} fence the planner inlines the cast into each of the ten tests (3.3 s instead of 0.9 s for
   * 108,000 records).
   */
  static final String COMPLETENESS = """
      select source, kind, count(*),
        count(*) filter (where c ? 'givenName' or c ? 'familyName' or c ? 'fullName'),
        count(*) filter (where c ? 'orgName'), count(*) filter (where c ? 'birthDate'),
        count(*) filter (where c ? 'nationalId'), count(*) filter (where c ? 'taxId'),
        count(*) filter (where c ? 'emails'), count(*) filter (where c ? 'phones'),
        count(*) filter (where c ? 'addresses')
      from (select source, kind, canonical::jsonb as c from source_record
            where not deleted and kind in ('person', 'organization') offset 0) r
      group by source, kind""";

  /** Open review pairs by source; a pair of two sources counts for each, a pair within one source once. */
  static final String OPEN_REVIEW_PAIRS = """
      select s, count(*) from review_pair,
        unnest(case when left_source = right_source then array[left_source] else array[left_source, right_source] end) s
      where status = 'open' group by s""";
}
