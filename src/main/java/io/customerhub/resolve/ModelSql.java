package io.customerhub.resolve;

/** Statements of the model store. */
final class ModelSql {

  private ModelSql() {
  }

  static final String LATEST =
      "select version, model::text, trained_on from match_model order by version desc limit 1";

  static final String INSERT =
      "insert into match_model (model, trained_on, created_by) values ($1::text::jsonb, $2, $3) returning version";

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
