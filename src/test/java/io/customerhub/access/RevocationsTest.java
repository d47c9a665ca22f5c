package io.customerhub.access;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationsTest {

  private static final Instant NOON = Instant.parse("2026-12-06T12:00:00.250Z");

  private static Revocation ofToken(long id, String tokenId) {
    return new Revocation(id, tokenId, null, null, NOON.plusSeconds(3600), "leaked", "admin", NOON);
  }

  private static Revocation ofSubject(long id, String subject, Instant before) {
    return new Revocation(id, null, subject, before, null, null, "admin", before);
  }

  @Test
  void aTokenIsRevokedByItsIdWhateverItsSubject() {
    Revocations r = Revocations.of(List.of(ofToken(1, "t-1")));
    assertEquals(1, r.revoking("t-1", "order-service", null).orElseThrow().id());
    assertTrue(r.revoking("t-2", "order-service", NOON.getEpochSecond()).isEmpty(), "another token of the subject");
    assertTrue(r.revoking(null, "order-service", null).isEmpty(), "a token without an id");
  }

  @Test
  void aSubjectsRevocationCoversItsTokensIssuedUpToItsSecondAndThoseThatDoNotSay() {
    Revocations r = Revocations.of(List.of(ofSubject(7, "order-service", NOON)));
    long second = NOON.getEpochSecond();
    assertTrue(r.revoking("a", "order-service", second - 3600).isPresent(), "issued an hour before");
    assertTrue(r.revoking("b", "order-service", second).isPresent(), "issued in the same second: cannot tell, refused");
    assertTrue(r.revoking("c", "order-service", null).isPresent(), "no iat: may be old");
    assertTrue(r.revoking("d", "order-service", second + 1).isEmpty(), "issued after: a new credential");
    assertTrue(r.revoking("e", "billing", second - 3600).isEmpty(), "another subject");
    assertTrue(r.revoking("f", null, second - 3600).isEmpty(), "no subject");
  }

  @Test
  void theLatestRevocationOfASubjectCoversWhatEarlierOnesDid() {
    Revocations r = Revocations.of(List.of(ofSubject(2, "svc", NOON.plusSeconds(600)), ofSubject(1, "svc", NOON)));
    assertEquals(2, r.revoking(null, "svc", NOON.getEpochSecond() + 300).orElseThrow().id());
    assertEquals(2, r.revoking(null, "svc", NOON.getEpochSecond() - 300).orElseThrow().id());
  }

  @Test
  void revocationsAreAddedAndWithdrawnWithoutChangingTheSnapshotTheyCameFrom() {
    Revocations none = Revocations.of(List.of());
    assertSame(Revocations.NONE, none);
    Revocations one = none.with(ofToken(3, "t-3"));
    assertTrue(one.revoking("t-3", null, null).isPresent());
    assertTrue(none.revoking("t-3", null, null).isEmpty(), "immutable");
    Revocations withdrawn = one.without(3);
    assertTrue(withdrawn.revoking("t-3", null, null).isEmpty());
    assertEquals(1, one.all().size());
    assertEquals(0, withdrawn.all().size());
  }

  @Test
  void aRevocationByIdIgnoresTheSubjectAndATokenWithoutClaimsIsNeverRevoked() {
    Revocation byId = ofToken(4, "t-4");
    assertTrue(byId.revokes("t-4", null, null));
    assertFalse(byId.revokes(null, null, null));
    Revocations mixed = Revocations.of(List.of(byId, ofSubject(5, "svc", NOON)));
    assertTrue(mixed.revoking(null, null, null).isEmpty());
  }
}
