package io.customerhub.serve;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/match}: two records in the body scored and explained, nothing stored; and
 * {@code GET /api/v1/match/{source}/{sourceId}/{otherSource}/{otherSourceId}}: two stored records.
 */
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

  /**
   * Hangul family name first and spelled as Park; 陈大文 read in Cantonese as Hong Kong spells it, Chan Tai Man; Chan
   * and Chen in Latin letters are one family name in two romanizations.
   */
  @Test
  void koreanAndCantoneseSpellingsMeetTheirOwnScript() {
    JsonObject hangul = new JsonObject().put("fullName", "박지성").put("birthDate", "1981-02-25")
        .put("phones", new JsonArray().add("+82 10 1234 5678"));
    JsonObject latin = new JsonObject().put("givenName", "Ji-sung").put("familyName", "Park")
        .put("birthDate", "1981-02-25").put("phone", "+82 10 1234 5678");
    JsonObject korean = match(hangul, latin).json();
    assertEquals("MERGE", korean.getString("band").toUpperCase(java.util.Locale.ROOT), korean::encode);
    assertEquals("EXACT", level(korean, "family"), korean::encode);

    JsonObject hanzi = new JsonObject().put("fullName", "陈大文").put("birthDate", "1975-06-01")
        .put("phones", new JsonArray().add("+852 9123 4567"));
    JsonObject cantonese = new JsonObject().put("givenName", "Tai Man").put("familyName", "Chan")
        .put("birthDate", "1975-06-01").put("phone", "+852 9123 4567");
    JsonObject chinese = match(hanzi, cantonese).json();
    assertEquals("EXACT", level(chinese, "family"), chinese::encode);
    assertEquals("EXACT", level(chinese, "given"), chinese::encode);
    assertEquals("fellegi-sunter/cantonese", chinese.getString("rule"), chinese::encode);
    assertEquals("MERGE", chinese.getString("band").toUpperCase(java.util.Locale.ROOT), chinese::encode);

    JsonObject pinyin = new JsonObject().put("givenName", "Tai Man").put("familyName", "Chen");
    JsonObject romanizations = match(cantonese, pinyin).json();
    assertEquals("NEAR", level(romanizations, "family"), "Chan and Chen in Latin letters: " + romanizations.encode());
  }

  /** A Japanese system's record carries its furigana as a field of its own, which the hub keeps as an attribute. */
  @Test
  void kanjiMeetTheirLatinSpellingThroughTheFuriganaBesideThem() {
    JsonObject kanji = new JsonObject().put("fullName", "山田太郎").put("フリガナ", "ﾔﾏﾀﾞ ﾀﾛｳ")
        .put("birthDate", "1980-04-02");
    JsonObject latin = new JsonObject().put("givenName", "Taro").put("familyName", "YAMADA")
        .put("birthDate", "1980-04-02");
    JsonObject score = match(kanji, latin).json();
    assertEquals("fellegi-sunter/furigana", score.getString("rule"), score::encode);
    assertEquals("EXACT", level(score, "family"), score::encode);
    assertEquals("EXACT", level(score, "given"), score::encode);
  }

  private static String level(JsonObject score, String field) {
    return score.getJsonArray("fields").stream().map(JsonObject.class::cast)
        .filter(f -> field.equals(f.getString("field"))).findFirst().orElseThrow().getString("level");
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

  @Test
  void pythonsNanIsAMissingValueAndOtherSystemsNamesAreRead() {
    String body = "{\"left\": {\"first_name\": \"Ann\", \"surname\": \"Quill\", \"dob\": NaN},"
        + " \"right\": {\"givenName\": \"Ann\", \"familyName\": \"Quill\", \"birthDate\": \"1980-01-02\"}}";
    Response r = hub.post("/api/v1/match", "application/json", body, hub.token("reader"));

    assertEquals(200, r.status(), r::toString);
    JsonObject score = r.json();
    assertTrue(score.getJsonArray("fields").stream().map(JsonObject.class::cast)
        .anyMatch(f -> "family".equals(f.getString("field")) && "EXACT".equals(f.getString("level"))), score::encode);
    assertTrue(score.getJsonArray("fields").stream().map(JsonObject.class::cast)
        .anyMatch(f -> "birthDate".equals(f.getString("field")) && "MISSING".equals(f.getString("level"))),
        score::encode);
  }

  private Response matchStored(Rec left, Rec right) {
    return hub.get("/api/v1/match/" + left.source() + "/" + left.sourceId() + "/" + right.source() + "/"
        + right.sourceId(), hub.token("steward"));
  }

  @Test
  void twoStoredRecordsAreScoredNowBesideTheProfilesTheyAreIn() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec sameInErp = crm.copyIn("erp", "E");
    Rec stranger = WireRecords.distinctPerson("crm", "C");
    hub.accept(crm);
    hub.accept(sameInErp);
    hub.accept(stranger);

    JsonObject together = matchStored(crm, sameInErp).json();
    JsonObject apart = matchStored(crm, stranger).json();

    assertEquals("MERGE", together.getString("band"), together::encode);
    assertTrue(together.getBoolean("sameProfile"), together::encode);
    assertFalse(together.getBoolean("keptApart"));
    assertEquals(crm.sourceId(), together.getJsonObject("left").getString("sourceId"));
    assertEquals(hub.crosswalk().get("erp:" + sameInErp.sourceId()),
        together.getJsonObject("right").getString("profileId"));
    assertTrue(together.getJsonArray("fields").size() > 3, together::encode);
    assertEquals("APART", apart.getString("band"), apart::encode);
    assertFalse(apart.getBoolean("sameProfile"));
    // a profile of two with another national id than the stranger's: the cluster guard would stop a join too
    assertFalse(apart.getBoolean("profilesMayJoin"), apart::encode);
    assertEquals("conflicting national ids", apart.getString("joinRefusedBecause"), apart::encode);
    assertNull(together.getValue("profilesMayJoin"), "asked only of records in two profiles");
    Rec another = WireRecords.distinctPerson("crm", "C");
    hub.accept(another);
    JsonObject twoSingles = matchStored(stranger, another).json();
    assertTrue(twoSingles.getBoolean("profilesMayJoin"), "two single records: only their own score keeps them apart");
  }

  @Test
  void aStoredPairThatIsNoPairOfIdentitiesIsAProblemNamingWhy() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    hub.accept(crm);
    Rec order = WireRecords.order("O-" + crm.sourceId(), "crm", crm.sourceId())
        .ordered(java.time.Instant.parse("2026-11-01T00:00:00Z"), "10", "paid");
    hub.accept(order);

    Response missing = matchStored(crm, WireRecords.person("crm", "nobody-" + crm.sourceId()));
    Response same = matchStored(crm, crm);
    Response ofOrder = matchStored(crm, order);

    assertEquals(404, missing.status(), missing::toString);
    assertTrue(missing.body().contains("no record crm:nobody-"), missing::toString);
    assertEquals(400, same.status(), same::toString);
    assertTrue(same.body().contains("otherSourceId"), same::toString);
    assertEquals(400, ofOrder.status(), ofOrder::toString);
    assertTrue(ofOrder.body().contains("not an identity"), ofOrder::toString);
    assertEquals(401, hub.get("/api/v1/match/crm/a/crm/b", null).status());
    assertEquals(403, hub.get("/api/v1/match/crm/a/crm/b", hub.token("router")).status());
  }

  private Response search(JsonObject description, String query) {
    return hub.post("/api/v1/profiles/search" + query, "application/json", description.encode(),
        hub.token("reader"));
  }

  @Test
  void aDescriptionFindsTheProfileItsKeysLeadToBestFirst() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec other = WireRecords.distinctPerson("crm", "C");
    hub.accept(crm);
    hub.accept(crm.copyIn("erp", "E"));
    hub.accept(other);
    String profile = hub.crosswalk().get("crm:" + crm.sourceId());
    String email = crm.json().getJsonArray("emails").getString(0).toUpperCase(java.util.Locale.ROOT);

    JsonObject byEmail = search(new JsonObject().put("emails", new JsonArray().add(email)), "").json();
    JsonObject byId = search(new JsonObject().put("nationalId", crm.json().getString("nationalId"))
        .put("givenName", crm.json().getString("givenName")), "?limit=1").json();

    JsonObject first = byEmail.getJsonArray("results").getJsonObject(0);
    assertEquals(profile, first.getString("profileId"), byEmail::encode);
    assertTrue(first.getJsonArray("fields").stream().map(JsonObject.class::cast)
        .anyMatch(f -> "email".equals(f.getString("field")) && "EXACT".equals(f.getString("level"))), first::encode);
    assertEquals(1, byEmail.getJsonArray("results").stream().map(JsonObject.class::cast)
        .filter(r -> profile.equals(r.getString("profileId"))).count(), "each profile once, by its best record");
    assertEquals(1, byId.getJsonArray("results").size(), byId::encode);
    assertEquals(profile, byId.getJsonArray("results").getJsonObject(0).getString("profileId"), byId::encode);
    assertEquals(404, hub.profileByKeyResponse("description", "description").status(), "nothing stored");
  }

  @Test
  void aNameAloneFindsItsPersonInEitherOrderAndSpelledBySound() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    hub.accept(crm);
    String profile = hub.crosswalk().get("crm:" + crm.sourceId());
    String given = crm.json().getString("givenName"), family = crm.json().getString("familyName");

    for (JsonObject description : List.of(new JsonObject().put("givenName", given).put("familyName", family),
        new JsonObject().put("givenName", family).put("familyName", given),
        new JsonObject().put("fullName", given + " " + family.toUpperCase(java.util.Locale.ROOT)))) {
      JsonObject found = search(description, "").json();
      assertEquals(profile, found.getJsonArray("results").getJsonObject(0).getString("profileId"),
          () -> description.encode() + " -> " + found.encode());
      assertEquals(null, found.getValue("nameMatchesCapped"), found::encode);
    }
  }

  @Test
  void aDescriptionSharingNoKeyFindsNothingAndABadOneIsAProblemNamingTheField() {
    JsonObject none = search(new JsonObject().put("emails", new JsonArray().add(WireRecords.uniqueEmail("nobody"))),
        "").json();
    Response bad = search(new JsonObject().put("emails", new JsonObject()), "");
    Response badLimit = search(new JsonObject().put("givenName", "Ann"), "?limit=0");

    assertEquals(0, none.getJsonArray("results").size(), none::encode);
    assertEquals(0, none.getInteger("candidates"));
    assertEquals(400, bad.status(), bad::toString);
    assertTrue(bad.body().contains("description.emails"), bad::toString);
    assertEquals(400, badLimit.status(), badLimit::toString);
    assertTrue(badLimit.body().contains("limit"), badLimit::toString);
    assertEquals(403, hub.post("/api/v1/profiles/search", "application/json", "{}", hub.token("router")).status(),
        "routing callers never see who matches");
    // as long as a record ingest takes (http.maxLineBytes, 64 KiB), and /match two of them
    Response tooLong = search(new JsonObject().put("givenName", "x".repeat(70_000)), "");
    assertEquals(413, tooLong.status(), tooLong::toString);
    assertTrue(tooLong.body().contains("body: is "), tooLong::toString);
    JsonObject big = new JsonObject().put("givenName", "x".repeat(70_000));
    Response oneLong = match(big, new JsonObject().put("givenName", "Ann"));
    assertEquals(400, oneLong.status(), "one long side is within the size and answered for its field");
    assertTrue(oneLong.body().contains("left.givenName"), oneLong::toString);
    assertEquals(413, match(big, big.copy().put("familyName", "y".repeat(70_000))).status());
  }
}
