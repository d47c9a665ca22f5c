package io.customerhub.cache;

import io.customerhub.record.SourceKey;
import io.customerhub.store.ProfileQueries;
import com.hazelcast.map.IMap;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.customerhub.testing.Futures.await;
import static io.customerhub.testing.WireRecords.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Design: a read-through fill that read PostgreSQL before a commit and reaches the cache after that commit's cache
 * write never brings the old state back. Each test replays that interleaving deterministically: it reads the
 * stored profile, commits a change, lets the commit write the cache, and only then fills with what it read.
 */
class CacheRacesIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  private static ProfileReadModel readModel() {
    return hub.node().services().readModel();
  }

  private static ProfileQueries queries() {
    return hub.node().services().queries();
  }

  private static SourceKey key(Rec r) {
    return new SourceKey(r.source(), r.sourceId());
  }

  /** What a read-through read before the commit: the stored profile that held the record then. */
  private static ProfileQueries.Stored readBefore(Rec r) {
    return await(queries().byKey(r.source(), r.sourceId()));
  }

  private static String routedProfile(Rec r) {
    JsonObject answer = hub.get("/api/v1/routing/" + r.source() + "/" + r.sourceId(), hub.token("router")).json();
    return answer.getString("profileId");
  }

  private static String profileOf(Rec r) {
    return hub.profileByKey(r).getString("profileId");
  }

  /** Reads once through each path so that the cache holds the profile, its view and its routing answers. */
  private static void warm(Rec r) {
    hub.profile(profileOf(r));
    routedProfile(r);
  }

  /** A customer's CRM record and its ERP copy in one profile, and the ERP record's profile as read before a commit. */
  private record TwoSources(Rec crm, Rec erp, String profile, ProfileQueries.Stored before) {
  }

  private static TwoSources oneCustomerInTwoSourcesReadBefore() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec erp = crm.copyIn("erp", "E");
    hub.accept(crm);
    hub.accept(erp);
    String profile = profileOf(crm);
    assertEquals(profile, profileOf(erp));
    warm(erp);
    return new TwoSources(crm, erp, profile, readBefore(erp));
  }

  @Test
  void aFillThatReadBeforeASplitDoesNotRouteTheRecordToItsOldProfile() {
    TwoSources t = oneCustomerInTwoSourcesReadBefore();
    Rec crm = t.crm(), erp = t.erp();
    String profile = t.profile();
    ProfileQueries.Stored before = t.before();

    String fresh = hub.post("/api/v1/profiles/" + profile + "/split", JSON, new JsonObject()
        .put("records", new JsonArray().add(new JsonObject().put("source", "erp").put("sourceId", erp.sourceId())))
        .put("note", "two people").encode(), hub.token("steward")).json().getString("newProfileId");
    await(readModel().fill(before));

    assertEquals(fresh, routedProfile(erp), "routing answers the profile the split moved the record to");
    assertEquals(fresh, profileOf(erp), "by key");
    assertEquals(profile, routedProfile(crm), "the record that stayed still routes to the old profile");
  }

  @Test
  void aFillThatReadBeforeAMergeDoesNotRouteTheRecordToTheMergedAwayProfile() {
    Rec one = WireRecords.distinctPerson("crm", "C");
    Rec other = WireRecords.distinctPerson("erp", "E");
    hub.accept(one);
    hub.accept(other);
    String keep = profileOf(one), gone = profileOf(other);
    assertNotEquals(keep, gone);
    warm(other);
    ProfileQueries.Stored before = readBefore(other);

    assertEquals(200, hub.post("/api/v1/profiles/" + keep + "/merge", JSON,
        new JsonObject().put("with", gone).encode(), hub.token("steward")).status());
    await(readModel().fill(before));

    assertEquals(keep, routedProfile(other), "routing answers the survivor");
    assertEquals(keep, profileOf(other), "by key");
    assertEquals(308, hub.profileResponse(gone).status());
  }

  @Test
  void aFillThatReadBeforeADeleteDoesNotBringTheDeletedProfileBack() {
    Rec record = WireRecords.distinctPerson("crm", "C");
    String profile = hub.accept(record).getString("profileId");
    warm(record);
    ProfileQueries.Stored before = readBefore(record);

    hub.accept(record.copy().deleted().updatedAt(at(10)));
    await(readModel().fill(before));

    assertEquals(404, hub.profileResponse(profile).status(), "by id");
    assertEquals(404, hub.profileByKeyResponse(record.source(), record.sourceId()).status(), "by key");
    assertNull(routedProfile(record), "routing answers an unknown customer");
    assertNull(await(readModel().routing(key(record))));
  }

  @Test
  void aFillThatReadBeforeOneOfTheRecordsWasDeletedDoesNotBringTheRecordBack() {
    TwoSources t = oneCustomerInTwoSourcesReadBefore();
    Rec crm = t.crm(), erp = t.erp();
    String profile = t.profile();
    ProfileQueries.Stored before = t.before();

    hub.accept(erp.copy().deleted().updatedAt(at(10)));
    await(readModel().fill(before));

    assertEquals(404, hub.profileByKeyResponse(erp.source(), erp.sourceId()).status(), "the deleted record's key");
    assertNull(routedProfile(erp), "routing answers an unknown customer for the deleted record");
    assertEquals(1, hub.profile(profile).getJsonArray("records").size(), "the profile keeps the other record");
    assertEquals(profile, routedProfile(crm));
  }

  @Test
  void aTombstoneExpiresAndAValueACommitWritesOverItDoesNot() {
    IMap<String, String> routing = TestInfra.hazelcast().getMap(ProfileCache.ROUTING);
    String key = "it:" + UUID.randomUUID();
    String profile = UUID.randomUUID().toString();
    routing.executeOnKey(key, VersionedPut.tombstone(0, VersionedPut.NO_PROFILE, ProfileCache.TOMBSTONE_TTL_SECONDS));
    assertEquals(TimeUnit.SECONDS.toMillis(ProfileCache.TOMBSTONE_TTL_SECONDS), routing.getEntryView(key).getTtl());
    assertEquals(false, routing.executeOnKey(key, VersionedPut.fill(1, profile, "{}")), "a fill keeps out");

    assertEquals(true, routing.executeOnKey(key, new VersionedPut(1, profile, "{}")));

    assertEquals(Long.MAX_VALUE, routing.getEntryView(key).getTtl(), "the committed value does not expire");
  }

  @Test
  void afterItsTombstoneExpiredAKeyFillsAgain() {
    IMap<String, String> routing = TestInfra.hazelcast().getMap(ProfileCache.ROUTING);
    String key = "it:" + UUID.randomUUID();
    routing.executeOnKey(key, VersionedPut.tombstone(0, VersionedPut.NO_PROFILE, 1));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (routing.containsKey(key) && System.nanoTime() < deadline) HubTestNode.sleep(100);

    assertEquals(true, routing.executeOnKey(key, VersionedPut.fill(1, UUID.randomUUID().toString(), "{}")));
  }

  /** The tombstones commits leave must not stop the cache from filling for good. */
  @Test
  void aDeletedRecordSentAgainIsRoutedAndFilled() {
    Rec record = WireRecords.distinctPerson("crm", "C");
    hub.accept(record);
    hub.accept(record.copy().deleted().updatedAt(at(10)));
    assertNull(routedProfile(record));

    String profile = hub.accept(record.copy().updatedAt(at(20))).getString("profileId");

    assertEquals(profile, routedProfile(record));
    assertEquals(profile, profileOf(record));
    hub.profile(profile);
    assertNotNull(TestInfra.hazelcast().getMap(ProfileCache.PROFILES).get(profile), "the read filled the view");
  }
}
