package io.customerhub.app;

import io.customerhub.cache.ProfileCache;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.customerhub.testing.HubTestNode.key;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.order;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Design: PostgreSQL is the truth; a node started on the same database finds every profile again. */
class RestartIT {

  private static final List<Rec> RECORDS = new ArrayList<>();
  /** Every profile answer before the restart, by the source key it was read with. */
  private static final Map<String, JsonObject> BEFORE = new LinkedHashMap<>();
  private static Map<String, String> crosswalkBefore;
  private static String mergedAway;
  private static String survivor;
  private static HubTestNode restarted;

  @BeforeAll
  static void ingestThenRestart() {
    String pgUrl;
    try (HubTestNode first = HubTestNode.start()) {
      pgUrl = first.pgUrl();
      for (int i = 0; i < 20; i++) {
        RECORDS.add(person("crm", uniqueId("C")).name(uniqueName(), uniqueName()).emails(uniqueEmail("r"))
            .updatedAt(at(0)));
      }
      first.ingest("crm", RECORDS);
      String mobile = uniqueMobile();
      Rec erp = person("erp", uniqueId("K")).phones(mobile).attribute("creditLimit", 9000).updatedAt(at(0));
      mergedAway = first.accept(erp).getString("profileId");
      Rec bridge = person("crm", RECORDS.get(0).sourceId()).emails(RECORDS.get(0).json().getJsonArray("emails")
          .getString(0)).phones(mobile).updatedAt(at(5));
      survivor = first.accept(bridge).getString("profileId");
      Rec order = order(uniqueId("O"), "crm", RECORDS.get(1).sourceId()).ordered(at(60), "129.90", "delivered")
          .updatedAt(at(60));
      first.accept(order);
      RECORDS.add(erp);
      for (Rec r : RECORDS) BEFORE.put(key(r), first.profileByKey(r));
      crosswalkBefore = first.crosswalk();
    }
    TestInfra.hazelcast().getMap(ProfileCache.PROFILES).clear();
    TestInfra.hazelcast().getMap(ProfileCache.ROUTING).clear();
    restarted = HubTestNode.builder().postgresUrl(pgUrl).start();
  }

  @AfterAll
  static void stopNode() {
    if (restarted != null) restarted.close();
  }

  @Test
  void everyProfileIsStillThereWithTheSameContentAndVersion() {
    assertNotEquals(mergedAway, survivor);
    for (Rec r : RECORDS) {
      JsonObject after = restarted.profileByKey(r);
      assertEquals(BEFORE.get(key(r)), after, "profile of " + key(r));
    }
    assertEquals(1, BEFORE.get(key(RECORDS.get(1))).getJsonObject("orders").getInteger("orderCount"));
  }

  @Test
  void theCrosswalkStillAssignsEveryRecordToItsProfile() {
    Map<String, String> after = restarted.crosswalk();
    crosswalkBefore.forEach((record, profileId) -> assertEquals(profileId, after.get(record), record));
  }

  @Test
  void aProfileMergedAwayBeforeTheRestartStillRedirects() {
    HubTestNode.Response r = restarted.profileResponse(mergedAway);
    assertEquals(308, r.status(), r::toString);
    assertEquals("/api/v1/profiles/" + survivor, r.header("Location"));
  }

  @Test
  void ingestionAfterTheRestartContinuesOnTheStoredProfiles() {
    Rec known = RECORDS.get(2);
    String profileId = BEFORE.get(key(known)).getString("profileId");

    Rec sameAgain = known.copy();
    assertEquals("unchanged", restarted.accept(sameAgain).getString("outcome"));
    Rec newcomer = person("erp", uniqueId("K")).emails(known.json().getJsonArray("emails").getString(0))
        .updatedAt(at(10));
    assertEquals(profileId, restarted.accept(newcomer).getString("profileId"), "joins the stored profile");
  }
}
