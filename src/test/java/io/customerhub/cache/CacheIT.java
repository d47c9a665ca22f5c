package io.customerhub.cache;

import com.hazelcast.map.IMap;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.international;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Design: profiles are served from Hazelcast, refreshed after every commit, and rebuilt from PostgreSQL (the truth)
 * when the cache is empty; routing answers come from the cache too and never carry raw PII.
 */
class CacheIT {

  private static HubTestNode hub;
  /** A second node on the same database with its own Hazelcast member (and near cache), as on another machine. */
  private static HubTestNode otherMember;
  private static IMap<String, String> profiles;
  private static IMap<String, String> routing;

  @BeforeAll
  static void startNode() {
    hub = HubTestNode.start();
    otherMember = HubTestNode.builder().postgresUrl(hub.pgUrl()).ownHazelcastMember().start();
    profiles = TestInfra.hazelcast().getMap(ProfileCache.PROFILES);
    routing = TestInfra.hazelcast().getMap(ProfileCache.ROUTING);
  }

  @AfterAll
  static void stopNode() {
    if (otherMember != null) otherMember.close();
    if (hub != null) hub.close();
  }

  private static Rec customer() {
    // distinct people: the matcher rightly joins records that share birth date, address and a near-equal id
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    String birthDate = String.format("%d-%02d-%02d", 1940 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28));
    return person("crm", uniqueId("C")).name(uniqueName(), uniqueName()).emails(uniqueEmail("cached"))
        .phones(international(uniqueMobile())).nationalId(String.valueOf(100_000_000_000_000_000L
            + r.nextLong(800_000_000_000_000_000L))).birthDate(birthDate)
        .address(r.nextInt(1, 999) + " " + uniqueName() + " Rd", "Beijing", String.valueOf(100_000 + r.nextInt(800_000)))
        .updatedAt(at(0));
  }

  /** Replaces the cached view of a profile, keeping its version, so that a test can tell cache answers apart. */
  private static void doctorCachedView(String profileId, String givenName) {
    VersionedPut.Versioned cached = VersionedPut.Versioned.parse(profiles.get(profileId));
    JsonObject view = new JsonObject(cached.payload()).put("givenName", givenName);
    profiles.put(profileId, cached.version() + "|" + profileId + "|" + view.encode());
  }

  @Test
  void aProfileReadOnceIsServedFromHazelcast() {
    Rec record = customer();
    String profileId = hub.accept(record).getString("profileId");
    hub.profile(profileId);
    assertTrue(profiles.containsKey(profileId), "the profile is in the IMap 'profiles'");
    assertEquals(profileId, VersionedPut.Versioned.parse(routing.get(HubTestNode.key(record))).profileId(),
        "its source key is in the key index (the routing map)");

    doctorCachedView(profileId, "FromTheCache");

    assertEquals("FromTheCache", hub.profile(profileId).getString("givenName"), "read by id from Hazelcast");
    assertEquals("FromTheCache", hub.profileByKey(record).getString("givenName"), "read by key from Hazelcast");
  }

  @Test
  void anUpdateOfOneOfItsRecordsIsVisibleOnTheNextRead() {
    String email = uniqueEmail("two-sources");
    Rec crm = customer().emails(email);
    Rec erp = person("erp", uniqueId("K")).emails(email).attribute("creditLimit", 1000).updatedAt(at(0));
    hub.accept(crm);
    String profileId = hub.accept(erp).getString("profileId");
    assertEquals(1000, hub.profile(profileId).getJsonObject("attributes").getInteger("creditLimit"));

    hub.accept(erp.copy().attribute("creditLimit", 7000).updatedAt(at(10)));
    hub.accept(crm.copy().name("Updated", "Name").updatedAt(at(10)));

    JsonObject byId = hub.profile(profileId);
    assertEquals(7000, byId.getJsonObject("attributes").getInteger("creditLimit"));
    assertEquals("Updated", byId.getString("givenName"));
    assertEquals("Updated", hub.profileByKey(erp).getString("givenName"));
  }

  @Test
  void afterTheMapsAreClearedTheProfileIsRebuiltFromPostgres() {
    Rec record = customer();
    String profileId = hub.accept(record).getString("profileId");
    JsonObject before = hub.profile(profileId);

    profiles.clear();
    routing.clear();

    assertEquals(before, hub.profileByKey(record), "the same answer, read from PostgreSQL");
    assertEquals(before, hub.profile(profileId));
    assertTrue(profiles.containsKey(profileId), "the read filled the cache again");
  }

  @Test
  void aStaleCacheEntryIsReplacedByTheNextCommittedVersion() {
    Rec record = customer();
    String profileId = hub.accept(record).getString("profileId");
    hub.profile(profileId);
    doctorCachedView(profileId, "Outdated");

    hub.accept(record.copy().name("Fresh", "Value").updatedAt(at(10)));

    assertEquals("Fresh", hub.profile(profileId).getString("givenName"));
  }

  @Test
  void aDeletedProfileIsNotServedFromTheCache() {
    Rec record = customer();
    String profileId = hub.accept(record).getString("profileId");
    hub.profile(profileId);
    hub.profileByKey(record);

    hub.accept(record.copy().deleted().updatedAt(at(10)));

    assertEquals(404, hub.profileResponse(profileId).status());
    assertEquals(404, hub.profileByKeyResponse(record.source(), record.sourceId()).status());
    assertEquals("UNKNOWN_CUSTOMER", routingOf(record).getJsonArray("reasons").getString(0));
  }

  private static JsonObject routingOf(Rec record) {
    Response r = hub.get("/api/v1/routing/" + record.source() + "/" + record.sourceId(), hub.token("router"));
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.contentType().startsWith("application/json"), r::toString);
    return r.json();
  }

  @Test
  void routingAnswersCarryNoPii() {
    Rec record = customer();
    String profileId = hub.accept(record).getString("profileId");
    JsonObject profile = hub.profile(profileId);

    for (int read = 0; read < 2; read++) {
      if (read == 1) routing.clear();
      JsonObject answer = routingOf(record);
      String text = answer.encode();
      assertEquals(Set.of("profileId", "tier", "riskCodes", "lane", "priority", "reasons"), answer.fieldNames(), text);
      assertEquals(profileId, answer.getString("profileId"));
      assertTrue(Set.of("HOLD", "REVIEW", "PRIORITY", "STANDARD").contains(answer.getString("lane")), text);
      JsonObject json = record.json();
      for (String pii : List.of(json.getString("givenName"), json.getString("familyName"),
          json.getJsonArray("emails").getString(0), json.getJsonArray("phones").getString(0),
          json.getString("nationalId"), json.getString("birthDate"), "Jianguo", "100022",
          profile.getJsonArray("phones").getString(0).replace("+", ""), record.sourceId())) {
        assertFalse(text.toLowerCase().contains(pii.toLowerCase()), () -> "'" + pii + "' in routing answer " + text);
      }
    }
  }

  @Test
  void routingForAnUnknownCustomerAnswersUnknownCustomer() {
    JsonObject answer = routingOf(person("crm", uniqueId("nobody")));

    assertNull(answer.getValue("profileId"), answer::encode);
    assertTrue(answer.getJsonArray("reasons").contains("UNKNOWN_CUSTOMER"), answer::encode);
    assertNotNull(answer.getString("lane"), answer::encode);
    assertTrue(Set.of("HOLD", "REVIEW", "PRIORITY", "STANDARD").contains(answer.getString("lane")), answer::encode);
  }

  @Test
  void routingFollowsAMergeToTheSurvivor() {
    String email = uniqueEmail("route-merge");
    Rec a = customer().emails(email);
    Rec b = person("erp", uniqueId("K")).phones(uniqueMobile()).updatedAt(at(0));
    String survivor = hub.accept(a).getString("profileId");
    hub.accept(b);
    routingOf(b);

    hub.accept(person("crm", uniqueId("C")).emails(email).phones(b.json().getJsonArray("phones").getString(0))
        .updatedAt(at(1)));

    assertEquals(survivor, routingOf(b).getString("profileId"));
  }

  /** Near caches of other members are invalidated by events: a moment, not a batch period, may pass. */
  private static final Duration INVALIDATION = Duration.ofSeconds(1);

  private static Response readWithin(Duration limit, java.util.function.Supplier<Response> read,
                                     java.util.function.Predicate<Response> fresh) {
    long deadline = System.nanoTime() + limit.toNanos();
    Response r = read.get();
    while (!fresh.test(r) && System.nanoTime() < deadline) {
      HubTestNode.sleep(20);
      r = read.get();
    }
    return r;
  }

  @Test
  void anUpdateCommittedOnOneNodeIsReadOnAnotherMemberWithinASecond() {
    assertEquals(2, TestInfra.hazelcast().getCluster().getMembers().size(), "the other node is a second member");
    Rec record = customer();
    String profileId = hub.accept(record).getString("profileId");
    for (int i = 0; i < 3; i++) {
      otherMember.profile(profileId);
      otherMember.profileByKey(record);
    }

    hub.accept(record.copy().name("Changed", "Elsewhere").updatedAt(at(10)));

    Response byId = readWithin(INVALIDATION, () -> otherMember.profileResponse(profileId),
        r -> "Changed".equals(r.json().getString("givenName")));
    assertEquals("Changed", byId.json().getString("givenName"), "by id on the other member");
    assertEquals("Changed", otherMember.profileByKey(record).getString("givenName"), "by key on the other member");
  }

  @Test
  void aMergeCommittedOnOneNodeRedirectsOnAnotherMemberWithinASecond() {
    String email = uniqueEmail("member-merge");
    Rec a = customer().emails(email);
    Rec b = person("erp", uniqueId("K")).phones(uniqueMobile()).updatedAt(at(0));
    String survivor = hub.accept(a).getString("profileId");
    String mergedAway = hub.accept(b).getString("profileId");
    for (int i = 0; i < 3; i++) otherMember.profile(mergedAway);

    hub.accept(person("crm", uniqueId("C")).emails(email).phones(b.json().getJsonArray("phones").getString(0))
        .updatedAt(at(1)));

    Response r = readWithin(INVALIDATION, () -> otherMember.profileResponse(mergedAway), x -> x.status() == 308);
    assertEquals(308, r.status(), r::toString);
    assertEquals("/api/v1/profiles/" + survivor, r.header("Location"));
  }
}
