package io.customerhub.serve;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/match}: two records in the body scored and explained, nothing stored. */
class MatchApiIT extends OneHubPerClass {

  private Response match(JsonObject left, JsonObject right) {
    return hub.post("/api/v1/match", "application/json",
        new JsonObject().put("left", left).put("right", right).encode(), hub.token("reader"));
  }

  @Test
  void hanziAndPinyinOfOnePersonMergeWithEachFieldExplained() {
    JsonObject left = new JsonObject().put("fullName", "张伟").put("birthDate", "1990-03-07")
        .put("phones", new JsonArray().add("+86 138 0013 8000"));
    JsonObject right = new JsonObject().put("givenName", "Wei").put("familyName", "Zhang")
        .put("birthDate", "1990-03-07").put("phone", "138-0013-8000");

    Response r = match(left, right);

    assertEquals(200, r.status(), r::toString);
    JsonObject score = r.json();
    assertEquals("MERGE", score.getString("band").toUpperCase(java.util.Locale.ROOT), score::encode);
    assertTrue(score.getJsonArray("fields").stream().map(JsonObject.class::cast)
        .anyMatch(f -> "family".equals(f.getString("field")) && "EXACT".equals(f.getString("level"))), score::encode);
    assertEquals(404, hub.profileByKeyResponse("left", "left").status(), "nothing stored");
  }

  @Test
  void aWholeNameInOneFieldIsSplitToMatchTheOtherRecord() {
    JsonObject left = new JsonObject().put("givenName", "Michael").put("familyName", "Gates")
        .put("birthDate", "1971-05-02");
    JsonObject right = new JsonObject().put("givenName", "Gates Michael").put("birthDate", "1971-05-02");

    JsonObject score = match(left, right).json();

    assertEquals("fellegi-sunter/names-combined", score.getString("rule"), score::encode);
  }

  @Test
  void aBadSideIsA400NamingItsField() {
    Response r = match(new JsonObject().put("givenName", "Ann").put("emails", new JsonObject()),
        new JsonObject().put("givenName", "Ann"));

    assertEquals(400, r.status(), r::toString);
    assertTrue(r.body().contains("left.emails"), r::toString);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r::toString);
  }

  @Test
  void aValueLeftOutIsSaidInTheAnswer() {
    JsonObject score = match(new JsonObject().put("givenName", "Ann").put("birthDate", "soon"),
        new JsonObject().put("givenName", "Ann")).json();

    assertTrue(score.getJsonArray("warnings").getString(0).startsWith("left.birthDate"), score::encode);
  }
}
