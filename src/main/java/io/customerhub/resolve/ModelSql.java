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

  static final String RERESOLVED =
      "update reresolution_state set model_version = $1, identity_records = $2, updated_at = now()";
}
