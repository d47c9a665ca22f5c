package io.customerhub.access;

/**
 * The SQL of token revocations (table {@code token_revocation}, migration V19). Each change writes its
 * {@code audit_log} entry in the same statement (subject {@code revocation:ID}), so that {@code GET /api/v1/audit}
 * tells who revoked or withdrew what, and why, even after a withdrawn row is gone.
 */
final class RevocationSql {

  private static final String COLUMNS =
      "id, token_id, subject, issued_before, expires_at, reason, revoked_by, revoked_at";

  private static final String AUDITED = """
      , audited as (
        insert into audit_log (actor, action, subject, detail)
        select %s, '%s', 'revocation:' || id, jsonb_strip_nulls(jsonb_build_object('tokenId', token_id,
          'subject', subject, 'issuedBefore', issued_before, 'expiresAt', expires_at, 'reason', reason))
        from changed)
      select %s from changed""";

  /** $1 token id, $2 when the token expires (or null), $3 reason, $4 who revokes. */
  static final String REVOKE_TOKEN = "with changed as (insert into token_revocation (token_id, expires_at, reason, "
      + "revoked_by) values ($1, $2, $3, $4) returning *)" + AUDITED.formatted("$4", "token-revoked", COLUMNS);

  /** $1 subject, $2 reason, $3 who revokes: the subject's tokens issued up to now. */
  static final String REVOKE_SUBJECT = "with changed as (insert into token_revocation (subject, issued_before, "
      + "reason, revoked_by) values ($1, now(), $2, $3) returning *)"
      + AUDITED.formatted("$3", "token-revoked", COLUMNS);

  /** $1 id, $2 who withdraws it: a revocation made by mistake. */
  static final String WITHDRAW = "with changed as (delete from token_revocation where id = $1 returning *)"
      + AUDITED.formatted("$2", "revocation-withdrawn", COLUMNS);

  /** The revocations that still matter: every subject's, and those of tokens not yet expired. */
  static final String IN_FORCE = "select " + COLUMNS + " from token_revocation "
      + "where expires_at is null or expires_at > now() order by id";

  private RevocationSql() {
  }
}
