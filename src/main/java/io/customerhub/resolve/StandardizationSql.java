package io.customerhub.resolve;

/**
 * Statements of re-standardization ({@link Restandardizer}): the stored identity records page by page, the new
 * values written where ingest has not replaced the row since, and the fingerprint of the standardization the
 * stored records come from.
 */
final class StandardizationSql {

  private StandardizationSql() {
  }

  /**
   * A page of identity records after a key, in key order (the primary key's order, so each page is an index
   * range): pages are short queries of their own, and a row ingest changes between two pages is simply read in its
   * newest version.
   */
  static final String PAGE = """
      select source, source_id, version, canonical::text, standard, key_hashes from source_record
      where standard is not null and (source, source_id) > ($1, $2)
      order by source, source_id limit $3""";

  /**
   * The new values and key hashes ({@link KeyHash#literal} text), each only while the row is still the version that
   * was read (one ingest replaced since holds what ingest computes now already) and does not hold them yet (another
   * run wrote them since). Returns the rows written.
   */
  static final String WRITE = """
      update source_record r set standard = t.standard, key_hashes = t.kh::bigint[]
      from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[])
        as t(source, source_id, version, standard, kh)
      where r.source = t.source and r.source_id = t.source_id and r.version = t.version
        and (r.standard, r.key_hashes) is distinct from (t.standard, t.kh::bigint[])
      returning r.source, r.source_id""";

  static final String STORED_FINGERPRINT = "select fingerprint, at from standardization";

  /** A hub without identity records takes the standardization of the node that starts it. */
  static final String CLAIM_IF_EMPTY = """
      insert into standardization (id, fingerprint) select 1, $1
      where not exists (select 1 from source_record where standard is not null)
      on conflict (id) do update set fingerprint = excluded.fingerprint, at = now()
        where standardization.fingerprint <> excluded.fingerprint""";

  static final String RECORD_FINGERPRINT = """
      insert into standardization (id, fingerprint) values (1, $1)
      on conflict (id) do update set fingerprint = excluded.fingerprint, at = now()""";
}
