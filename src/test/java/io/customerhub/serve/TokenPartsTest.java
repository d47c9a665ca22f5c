package io.customerhub.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenPartsTest {

  private static String segment(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String token(String header, String payload) {
    return segment(header) + "." + segment(payload) + ".c2lnbmF0dXJl";
  }

  @Test
  void readsAlgorithmKeyIssuerAndTheClaimsAsPlainMapsAndLists() {
    TokenParts parts = TokenParts.parse(token("{\"alg\":\"RS256\",\"kid\":\"k1\"}",
        "{\"iss\":\"https://idp\",\"realm_access\":{\"roles\":[\"steward\"]}}"));
    assertEquals("RS256", parts.algorithm());
    assertEquals("k1", parts.keyId());
    assertEquals("https://idp", parts.issuer());
    assertTrue(parts.asymmetricallySigned());
    assertEquals(Map.of("roles", List.of("steward")), parts.claims().get("realm_access"));
    assertTrue(parts.claims().get("realm_access") instanceof Map);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS256", "none", "HS512", "rs256"})
  void sharedSecretOrNoSignatureIsNotAsymmetric(String alg) {
    assertFalse(TokenParts.parse(token("{\"alg\":\"" + alg + "\"}", "{\"iss\":\"x\"}")).asymmetricallySigned());
  }

  @Test
  void aMissingAlgorithmIsNotAsymmetric() {
    assertFalse(TokenParts.parse(token("{}", "{\"iss\":\"x\"}")).asymmetricallySigned());
  }

  @Test
  void fieldsOfAnotherTypeAreAbsent() {
    TokenParts parts = TokenParts.parse(token("{\"alg\":\"RS256\",\"kid\":7}", "{\"iss\":[\"a\"]}"));
    assertNull(parts.keyId());
    assertNull(parts.issuer());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "a.b", "a.b.c.d", "e30.e30.", "!!.e30.c2ln", "e30.WzFd.c2ln", "bm90IGpzb24.e30.c2ln"})
  void anythingButAThreePartTokenOfJsonObjectsIsNoToken(String text) {
    assertNull(TokenParts.parse(text));
  }
}
