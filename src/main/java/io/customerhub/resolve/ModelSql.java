package io.customerhub.resolve;

/** Statements of the model store. */
final class ModelSql {

  private ModelSql() {
  }

  /** Pinned: by an administrator, for good or until a time not yet passed. */
  private static final String PINNED = "pinned and (pinned_until is null or pinned_until > now())";

  static final String LATEST = "select version, model::text, trained_on, " + PINNED
      + " as pinned from match_model order by version desc limit 1";

  /** What a version is, without its model (a list of versions), then with it. */
  private static final String ABOUT = "version, created_at, created_by, trained_on, restored_from, " + PINNED
      + " as pinned, pinned_until, reason, model->>'note' as note";

  static final String VERSIONS = "select " + ABOUT + " from match_model order by version desc limit $1";

  static final String VERSION = "select " + ABOUT + ", model::text from match_model where version = $1";

  /**
   * $1 the model, $2 the identity records stored now, $3 who, $4 the version copied, $5 pinned, $6 why, $7 the days
   * of the pin (null: until an administrator trains or restores again); the audit entry (subject {@code
   * model:VERSION}) in the same statement.
   */
  static final String RESTORE = """
      with restored as (
        insert into match_model (model, trained_on, created_by, restored_from, pinned, reason, pinned_until)
        values ($1::text::jsonb, $2, $3, $4, $5, $6, now() + make_interval(days => $7::int)) returning *),
      audited as (
        insert into audit_log (actor, action, subject, detail)
        select created_by, 'model.restored', 'model:' || version,
               jsonb_strip_nulls(jsonb_build_object('restoredFrom', restored_from, 'pinned', pinned,
                                                    'pinnedUntil', pinned_until, 'note', reason))
        from restored)
      select\s""" + ABOUT + " from restored";

  static final String INSERT =
      "insert into match_model (model, trained_on, created_by) values ($1::text::jsonb, $2, $3) returning version";

  /**
   * The newest $1 review pairs stewards merged or kept apart whose two records are still stored, with their
   * standardized values as they are now, and why the cluster guard sent a pair to review where it did (a stored
   * pair's explanation is {@code {rule, band, explanation: {…, guard}}}, ReviewPairs).
   */
  static final String DECIDED_PAIRS = """
      select p.id, p.status = 'merged', p.left_source, p.left_id, l.standard, p.right_source, p.right_id, r.standard,
        p.explanation->'explanation'->>'guard'
      from review_pair p
      join source_record l on l.source = p.left_source and l.source_id = p.left_id
      join source_record r on r.source = p.right_source and r.source_id = p.right_id
      where p.status in ('merged', 'kept-apart') and l.standard is not null and r.standard is not null
        and not l.deleted and not r.deleted
      order by p.decided_at desc nulls last, p.id desc limit $1""";

  static final String ALL_STANDARDS = """
      select source, source_id, standard from source_record where standard is not null and not deleted
      order by source, source_id""";

  static final String COUNT_IDENTITIES =
      "select count(*) from source_record where standard is not null and not deleted";

  static final String RERESOLUTION_STATE = "select model_version, identity_records from reresolution_state";

  /** An upsert: a row deleted by hand would otherwise leave every run unkept, and owed again after each. */
  static final String RERESOLVED = """
      insert into reresolution_state (model_version, identity_records) values ($1, $2)
      on conflict (single) do update set model_version = excluded.model_version,
        identity_records = excluded.identity_records, updated_at = now()""";
}
