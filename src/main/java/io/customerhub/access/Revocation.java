package io.customerhub.access;

import java.time.Instant;

/**
 * One revocation: of the token whose id is {@code tokenId}, or of every token of {@code subject} issued at or
 * before {@code issuedBefore}; the other of the two is null.
 *
 * @param expiresAt when the revoked token expires anyway (from then on the revocation no longer matters); null
 *                  for a subject's revocation, or a token whose expiry is unknown
 */
public record Revocation(long id, String tokenId, String subject, Instant issuedBefore, Instant expiresAt,
                         String reason, String revokedBy, Instant revokedAt) {

  /**
   * Whether a token with these claims is revoked by this one. Token ids are compared exactly; a subject's
   * revocation covers tokens issued in the second of the revocation or before it ({@code iat} counts whole
   * seconds), and tokens that do not say when they were issued.
   */
  public boolean revokes(String jti, String sub, Long issuedAtSeconds) {
    if (tokenId != null) return tokenId.equals(jti);
    if (!subject.equals(sub)) return false;
    return issuedAtSeconds == null || issuedAtSeconds <= issuedBefore.getEpochSecond();
  }
}
