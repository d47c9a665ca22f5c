package io.customerhub.serve;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A compact JWS (header.payload.signature) read without checking anything: only to tell whose token it is
 * ({@code iss}), with which key ({@code kid}) and algorithm it claims to be signed. Nothing read here is trusted
 * before the signature is verified.
 *
 * @param claims the payload as plain maps and lists (not Vert.x JSON types), for {@link ClaimRoles}
 */
record TokenParts(String algorithm, String keyId, String issuer, Map<String, Object> claims) {

  private static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
      "ES256", "ES384", "ES512", "ES256K", "EdDSA");

  /** The parts of a three-part token with JSON objects in its header and payload; null for anything else. */
  static TokenParts parse(String token) {
    String[] segments = token.split("\\.", -1);
    if (segments.length != 3 || segments[2].isEmpty()) return null;
    try {
      JsonObject header = decode(segments[0]);
      JsonObject payload = decode(segments[1]);
      return new TokenParts(text(header.getValue("alg")), text(header.getValue("kid")), text(payload.getValue("iss")),
          payload.getMap());
    } catch (RuntimeException e) {
      return null;
    }
  }

  boolean asymmetricallySigned() {
    return algorithm != null && ASYMMETRIC.contains(algorithm);
  }

  private static JsonObject decode(String segment) {
    // parsed from text, the nested objects and arrays are plain maps and lists
    return new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(segment)));
  }

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }
}
