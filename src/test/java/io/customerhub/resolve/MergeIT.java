package io.customerhub.resolve;


import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;


import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.customerhub.testing.HubTestNode.key;
import static io.customerhub.testing.HubTestNode.recordKeys;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.international;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records that turn out to describe one customer bring their profiles together: one survivor, redirects for the rest. */
class MergeIT extends OneHubPerClass {

  /** Two profiles, A (known by email) and B (known by phone), and a record carrying both identifiers. */
  private record Bridge(Rec a, Rec b, Rec bridge, String profileA, String profileB) {
  }

  private static Bridge twoProfilesAndABridgingRecord() {
    String email = uniqueEmail("bridge");
    String mobile = uniqueMobile();
    Rec a = person("crm", uniqueId("C")).name(uniqueName(), "Zhang").emails(email).updatedAt(at(0));
    Rec b = person("erp", uniqueId("K")).name(uniqueName(), "Zhang").phones(mobile).updatedAt(at(1));
    Rec bridge = person("crm", uniqueId("C")).emails(email.toUpperCase()).phones(international(mobile))
        .updatedAt(at(2));
    String profileA = hub.accept(a).getString("profileId");
    String profileB = hub.accept(b).getString("profileId");
    assertNotEquals(profileA, profileB, "no shared identifier yet: two customers");
    return new Bridge(a, b, bridge, profileA, profileB);
  }

  @Test
  void aRecordSharingAnEmailWithOneProfileAndAPhoneWithAnotherMergesThemIntoOneSurvivor() {
    Bridge s = twoProfilesAndABridgingRecord();

    String survivor = hub.accept(s.bridge()).getString("profileId");

    assertTrue(survivor.equals(s.profileA()) || survivor.equals(s.profileB()), "one of the two survives");
    JsonObject profile = hub.profile(survivor);
    assertEquals(Set.of(key(s.a()), key(s.b()), key(s.bridge())), Set.copyOf(recordKeys(profile)));
    for (Rec r : List.of(s.a(), s.b(), s.bridge())) {
      assertEquals(survivor, hub.profileByKey(r).getString("profileId"), "found by " + key(r));
    }
  }

  /**
   * A son named after his father, sharing his phone: the suffixes keep them two customers, and a steward finds the
   * pair in the review queue with the reason.
   */
  /** A father and his son of the same name, sharing one phone, each with his suffix. */
  private record Generations(String family, String mobile, Rec senior, Rec junior) {
    static Generations of() {
      String family = uniqueName();
      String mobile = uniqueMobile();
      return new Generations(family, mobile,
          person("crm", uniqueId("C")).name("John", family + " Sr").phones(mobile).updatedAt(at(0)),
          person("erp", uniqueId("K")).name("John", family + " Jr.").phones(mobile).updatedAt(at(1)));
    }
  }

  @Test
  void aFatherAndASonOfOneNameStayTwoProfilesAndAStewardSeesThePair() {
    Generations g = Generations.of();
    String father = hub.accept(g.senior()).getString("profileId");
    String son = hub.accept(g.junior()).getString("profileId");

    assertNotEquals(father, son, "two generations, two customers");
    Response queue = hub.get("/api/v1/reviews?profile=" + son, hub.adminToken());
    assertEquals(200, queue.status(), queue::toString);
    List<String> rules = queue.json().getJsonArray("items").stream()
        .map(i -> ((JsonObject) i).getJsonObject("explanation").getString("rule")).toList();
    assertEquals(List.of("generation-conflict"), rules, queue::toString);
  }

  /**
   * A record of the name without a suffix, with the phone both share, could be either: it joins one of the two
   * (the pair that scored best), never both, and its pair with the other waits for a steward.
   */
  @Test
  void aRecordWithoutASuffixJoinsOneGenerationAndItsPairWithTheOtherIsReviewed() {
    Generations g = Generations.of();
    Rec plain = person("web", uniqueId("W")).name("John", g.family()).phones(g.mobile()).updatedAt(at(2));
    String father = hub.accept(g.senior()).getString("profileId");
    String son = hub.accept(g.junior()).getString("profileId");
    String joined = hub.accept(plain).getString("profileId");

    assertTrue(joined.equals(father) || joined.equals(son), "joined one of the two: " + joined);
    assertNotEquals(hub.profileByKey(g.senior()).getString("profileId"),
        hub.profileByKey(g.junior()).getString("profileId"), "still two customers");
    String other = joined.equals(father) ? son : father;
    Response queue = hub.get("/api/v1/reviews?profile=" + other, hub.adminToken());
    assertEquals(200, queue.status(), queue::toString);
    assertTrue(queue.body().contains(plain.sourceId()), () -> "the pair with the other generation: " + queue);
  }

  @Test
  void theOlderProfileSurvivesAMerge() {
    Bridge s = twoProfilesAndABridgingRecord();

    String survivor = hub.accept(s.bridge()).getString("profileId");

    assertEquals(s.profileA(), survivor, "A was created first");
  }

  @Test
  void theMergedAwayProfileIdAnswersAPermanentRedirectToTheSurvivor() {
    Bridge s = twoProfilesAndABridgingRecord();
    hub.profile(s.profileA());
    hub.profile(s.profileB());

    String survivor = hub.accept(s.bridge()).getString("profileId");
    String mergedAway = survivor.equals(s.profileA()) ? s.profileB() : s.profileA();

    Response r = hub.profileResponse(mergedAway);
    assertEquals(308, r.status(), r::toString);
    assertEquals("/api/v1/profiles/" + survivor, r.header("Location"));
    assertEquals(survivor, r.json().getString("mergedInto"));
    Response followed = hub.get(r.header("Location"), hub.adminToken());
    assertEquals(200, followed.status(), followed::toString);
    assertEquals(survivor, followed.json().getString("profileId"));
    // the query goes along: before, the redirect dropped it and a client asking for lineage got none
    Response lineage = hub.get("/api/v1/profiles/" + mergedAway + "?lineage=true", hub.adminToken());
    assertEquals(308, lineage.status(), lineage::toString);
    assertEquals("/api/v1/profiles/" + survivor + "?lineage=true", lineage.header("Location"));
    assertTrue(hub.get(lineage.header("Location"), hub.adminToken()).json().containsKey("lineage"));
    Response explain = hub.get("/api/v1/profiles/" + mergedAway + "/explain", hub.adminToken());
    assertEquals("/api/v1/profiles/" + survivor + "/explain", explain.header("Location"), explain::toString);
    Response history = hub.get("/api/v1/profiles/" + mergedAway + "/history?limit=2", hub.adminToken());
    assertEquals("/api/v1/profiles/" + survivor + "/history?limit=2", history.header("Location"), history::toString);
    assertEquals(survivor, history.json().getString("mergedInto"), "the survivor's id, not a path");
  }

  @Test
  void theCrosswalkListsEveryRecordOfAMergeUnderTheSurvivor() {
    Bridge s = twoProfilesAndABridgingRecord();

    String survivor = hub.accept(s.bridge()).getString("profileId");

    Response r = hub.get("/api/v1/crosswalk", hub.adminToken());
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.contentType().startsWith("application/x-ndjson"), r::toString);
    Map<String, String> crosswalk = hub.crosswalk();
    for (Rec rec : List.of(s.a(), s.b(), s.bridge())) {
      assertEquals(survivor, crosswalk.get(key(rec)), "crosswalk line of " + key(rec));
    }
    assertTrue(crosswalk.values().stream().noneMatch(p -> p.equals(survivor.equals(s.profileA()) ? s.profileB()
        : s.profileA())), "no record stays with the merged-away profile");
  }

  @Test
  void aBridgingRecordSentTogetherWithBothSidesMakesOneProfile() {
    String email = uniqueEmail("batch");
    String mobile = uniqueMobile();
    Rec a = person("crm", uniqueId("C")).emails(email).updatedAt(at(0));
    Rec b = person("crm", uniqueId("C")).phones(mobile).updatedAt(at(0));
    Rec bridge = person("crm", uniqueId("C")).emails(email).phones(mobile).updatedAt(at(0));

    List<JsonObject> answers = hub.ingest("crm", List.of(a, b, bridge));

    assertEquals(1, answers.stream().map(x -> x.getString("profileId")).distinct().count(), answers::toString);
    assertEquals(3, recordKeys(hub.profileByKey(a)).size());
  }

  @Test
  void theOrdersOfBothMergedProfilesCountInTheSurvivor() {
    Bridge s = twoProfilesAndABridgingRecord();
    hub.accept(WireRecords.order(uniqueId("O"), s.a().source(), s.a().sourceId()).ordered(at(60), "100.00", "delivered")
        .updatedAt(at(60)));
    hub.accept(WireRecords.order(uniqueId("O"), s.b().source(), s.b().sourceId()).ordered(at(61), "50.50", "delivered")
        .updatedAt(at(61)));
    assertEquals(1, hub.profile(s.profileB()).getJsonObject("orders").getInteger("orderCount"));

    String survivor = hub.accept(s.bridge()).getString("profileId");

    JsonObject orders = hub.profile(survivor).getJsonObject("orders");
    assertEquals(2, orders.getInteger("orderCount"), orders::encode);
    assertEquals(150.50, orders.getDouble("spend"), 0.001, orders::encode);
  }

  @Test
  void anExplicitLinkMergesRecordsWithoutASharedIdentifier() {
    Rec erp = person("erp", uniqueId("K")).name(uniqueName(), uniqueName()).emails(uniqueEmail("erp-side"))
        .updatedAt(at(0));
    Rec crm = person("crm", uniqueId("C")).name(uniqueName(), uniqueName()).phones(uniqueMobile())
        .updatedAt(at(0));
    String erpProfile = hub.accept(erp).getString("profileId");
    String crmProfile = hub.accept(crm).getString("profileId");
    assertNotEquals(erpProfile, crmProfile);

    String merged = hub.accept(crm.copy().link(erp.source(), erp.sourceId()).updatedAt(at(5))).getString("profileId");

    assertEquals(merged, hub.profileByKey(erp).getString("profileId"));
    assertEquals(merged, hub.profileByKey(crm).getString("profileId"));
    assertEquals(Set.of(key(erp), key(crm)), Set.copyOf(recordKeys(hub.profile(merged))));
  }

  @Test
  void aLinkToARecordThatArrivesLaterMergesWhenItArrives() {
    Rec crm = person("crm", uniqueId("C")).emails(uniqueEmail("early")).updatedAt(at(0));
    Rec erp = person("erp", uniqueId("K")).phones(uniqueMobile()).updatedAt(at(0));
    hub.accept(crm.link(erp.source(), erp.sourceId()));

    String erpProfile = hub.accept(erp).getString("profileId");

    assertEquals(hub.profileByKey(crm).getString("profileId"), erpProfile);
    assertEquals(2, recordKeys(hub.profile(erpProfile)).size());
  }

  @Test
  void profilesMergedAwayEarlierRedirectStraightToTheSurvivorOfALaterMerge() {
    String nationalId = "1101011990" + (10_000_000 + (int) (Math.random() * 89_999_999));
    Rec oldest = person("erp", uniqueId("K")).nationalId(nationalId).updatedAt(at(0));
    String oldestProfile = hub.accept(oldest).getString("profileId");
    Bridge first = twoProfilesAndABridgingRecord();
    String survivor1 = hub.accept(first.bridge()).getString("profileId");
    String mergedAway1 = survivor1.equals(first.profileA()) ? first.profileB() : first.profileA();
    assertEquals(308, hub.profileResponse(mergedAway1).status(), "read once, so that the redirect is cached");

    String survivor2 = hub.accept(first.a().copy().nationalId(nationalId).updatedAt(at(9))).getString("profileId");

    assertEquals(oldestProfile, survivor2, "the oldest profile survives the second merge");
    for (String mergedAway : List.of(survivor1, mergedAway1)) {
      Response r = hub.profileResponse(mergedAway);
      assertEquals(308, r.status(), r::toString);
      assertEquals("/api/v1/profiles/" + survivor2, r.header("Location"), "redirect of " + mergedAway);
    }
    assertEquals(4, recordKeys(hub.profile(survivor2)).size());
  }
}
