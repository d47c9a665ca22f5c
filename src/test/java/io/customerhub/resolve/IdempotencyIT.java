package io.customerhub.resolve;


import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;


import org.junit.jupiter.api.Test;

import java.util.List;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.HubTestNode.key;
import static io.customerhub.testing.HubTestNode.recordKeys;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract 1.2: {@code (source, sourceId)} identifies a record; a newer {@code updatedAt} replaces an older one, an
 * older one is ignored, the same one again changes nothing; {@code deleted: true} detaches the record.
 */
class IdempotencyIT extends OneHubPerClass {

  private static Rec customer(int minute) {
    return person("crm", uniqueId("C")).name(uniqueName(), uniqueName()).emails(uniqueEmail("same"))
        .updatedAt(at(minute));
  }

  private static String outcome(JsonObject answer) {
    assertEquals("accepted", answer.getString("status"), answer::encode);
    return answer.getString("outcome");
  }

  @Test
  void theSameRecordTwiceIsUnchangedAndMakesNoNewProfileVersion() {
    Rec record = customer(0);
    JsonObject first = hub.accept(record);
    long version = hub.profileByKey(record).getLong("version");

    JsonObject second = hub.accept(record.copy());

    assertEquals("created", outcome(first));
    assertEquals("unchanged", outcome(second));
    assertEquals(first.getString("profileId"), second.getString("profileId"));
    assertEquals(version, hub.profileByKey(record).getLong("version"), "no new profile version");
  }

  @Test
  void theSameRecordWithItsFieldsInAnotherOrderIsUnchanged() {
    Rec record = customer(0).phones(WireRecords.uniqueMobile()).nationalId("110101199003070011");
    hub.accept(record);
    long version = hub.profileByKey(record).getLong("version");

    JsonObject reordered = new JsonObject();
    List<String> fields = List.copyOf(record.json().fieldNames());
    for (int i = fields.size() - 1; i >= 0; i--) reordered.put(fields.get(i), record.json().getValue(fields.get(i)));
    List<JsonObject> answers = hub.ingest("crm", List.of(reordered));

    assertEquals("unchanged", outcome(answers.get(0)));
    assertEquals(version, hub.profileByKey(record).getLong("version"));
  }

  @Test
  void aNewerVersionUpdatesTheProfile() {
    Rec v1 = customer(0);
    Rec v2 = v1.copy().name("Renamed", "Person").updatedAt(at(10));
    hub.accept(v1);
    long before = hub.profileByKey(v1).getLong("version");

    JsonObject answer = hub.accept(v2);

    assertEquals("updated", outcome(answer));
    JsonObject profile = hub.profileByKey(v1);
    assertEquals("Renamed", profile.getString("givenName"));
    assertTrue(profile.getLong("version") > before, "a new profile version");
  }

  @Test
  void aNewerVersionReplacesTheKeysTheRecordIsFoundBy() {
    String given = uniqueName();
    String family = uniqueName();
    String oldEmail = uniqueEmail("old");
    String newEmail = uniqueEmail("new");
    Rec v1 = person("crm", uniqueId("C")).name(given, family).emails(oldEmail).updatedAt(at(0));
    Rec v2 = v1.copy().emails(newEmail).updatedAt(at(10));
    hub.accept(v1);
    String profile = hub.accept(v2).getString("profileId");

    // the same name in the ERP: with the email the CRM record gave up it is someone else (the stored record is
    // compared as it is now), with the new one it is found and merged; that the replaced key rows are gone is
    // checked for every record when the node closes (HubTestNode.close)
    Rec byOld = person("erp", uniqueId("E")).name(given, family).emails(oldEmail).updatedAt(at(20));
    Rec byNew = person("erp", uniqueId("E")).name(given, family).emails(newEmail).updatedAt(at(20));
    String oldsProfile = hub.accept(byOld).getString("profileId");
    String newsProfile = hub.accept(byNew).getString("profileId");

    assertNotEquals(profile, oldsProfile, "the replaced email no longer leads to the record");
    assertEquals(profile, newsProfile, "the new email does");
  }

  @Test
  void anOlderVersionArrivingAfterANewerOneIsStaleAndTheProfileKeepsTheNewerValues() {
    Rec newer = customer(30).name("Newer", "Name");
    Rec older = newer.copy().name("Older", "Name").updatedAt(at(10));
    hub.accept(newer);
    long version = hub.profileByKey(newer).getLong("version");

    JsonObject answer = hub.accept(older);

    assertEquals("stale", outcome(answer));
    JsonObject profile = hub.profileByKey(newer);
    assertEquals("Newer", profile.getString("givenName"));
    assertEquals(version, profile.getLong("version"));
  }

  @Test
  void twoVersionsOfOneRecordInOneBatchApplyTheNewestWhateverTheirOrder() {
    Rec a2 = customer(20).name("Second", "Version");
    Rec a1 = a2.copy().name("First", "Version").updatedAt(at(10));
    Rec b1 = customer(10).name("First", "Version");
    Rec b2 = b1.copy().name("Second", "Version").updatedAt(at(20));

    List<JsonObject> newestFirst = hub.ingest("crm", List.of(a2, a1));
    List<JsonObject> oldestFirst = hub.ingest("crm", List.of(b1, b2));

    assertEquals(List.of("created", "superseded"), newestFirst.stream().map(IdempotencyIT::outcome).toList());
    assertEquals(List.of("superseded", "created"), oldestFirst.stream().map(IdempotencyIT::outcome).toList());
    assertEquals(newestFirst.get(0).getString("profileId"), newestFirst.get(1).getString("profileId"));
    assertEquals(oldestFirst.get(0).getString("profileId"), oldestFirst.get(1).getString("profileId"));
    assertEquals("Second", hub.profileByKey(a2).getString("givenName"));
    assertEquals("Second", hub.profileByKey(b2).getString("givenName"));
  }

  @Test
  void deletingOneOfTwoRecordsDetachesItAndRecomputesTheProfile() {
    String email = uniqueEmail("shared");
    String given = uniqueName();
    String family = uniqueName();
    Rec crm = person("crm", uniqueId("C")).name(given, family).emails(email).updatedAt(at(0));
    Rec erp = person("erp", uniqueId("K")).name(given, family).emails(email).attribute("creditLimit", 5000)
        .updatedAt(at(1));
    hub.accept(crm);
    String profileId = hub.accept(erp).getString("profileId");
    assertEquals(2, recordKeys(hub.profile(profileId)).size());

    JsonObject answer = hub.accept(erp.copy().deleted().updatedAt(at(5)));

    assertEquals("deleted", outcome(answer));
    JsonObject profile = hub.profile(profileId);
    assertEquals(List.of(key(crm)), recordKeys(profile));
    assertFalse(profile.getJsonObject("attributes").containsKey("creditLimit"), profile::encode);
    assertProblem(404, hub.profileByKeyResponse(erp.source(), erp.sourceId()));
    assertEquals(profileId, hub.profileByKey(crm).getString("profileId"));
    assertFalse(hub.crosswalk().containsKey(key(erp)), "the deleted record left the crosswalk");
  }

  @Test
  void deletingTheLastRecordMakesTheProfileDisappear() {
    Rec record = customer(0);
    String profileId = hub.accept(record).getString("profileId");
    hub.profile(profileId);

    JsonObject answer = hub.accept(record.copy().deleted().updatedAt(at(5)));

    assertEquals("deleted", outcome(answer));
    assertProblem(404, hub.profileResponse(profileId));
    assertProblem(404, hub.profileByKeyResponse(record.source(), record.sourceId()));
  }

  @Test
  void aDeleteOlderThanTheStoredVersionIsStaleAndDeletesNothing() {
    Rec record = customer(30);
    String profileId = hub.accept(record).getString("profileId");

    JsonObject answer = hub.accept(record.copy().deleted().updatedAt(at(10)));

    assertEquals("stale", outcome(answer));
    assertEquals(profileId, hub.profileByKey(record).getString("profileId"));
  }

  @Test
  void aDeleteArrivingBeforeItsCreateLeavesATombstoneThatMakesTheOlderCreateStale() {
    Rec create = customer(10);
    Rec delete = create.copy().deleted().updatedAt(at(20));

    assertEquals("deleted", outcome(hub.accept(delete)));
    JsonObject late = hub.accept(create);

    assertEquals("stale", outcome(late));
    assertProblem(404, hub.profileByKeyResponse(create.source(), create.sourceId()));
    assertFalse(hub.crosswalk().containsKey(key(create)));
  }

  @Test
  void aRecordRecreatedAfterItsDeleteGetsAProfileAgain() {
    Rec create = customer(10);
    String first = hub.accept(create).getString("profileId");
    hub.accept(create.copy().deleted().updatedAt(at(20)));

    JsonObject recreated = hub.accept(create.copy().name("Back", "Again").updatedAt(at(30)));

    assertEquals("created", outcome(recreated));
    JsonObject profile = hub.profileByKey(create);
    assertEquals("Back", profile.getString("givenName"));
    assertNotEquals(null, profile.getString("profileId"));
    assertTrue(first.equals(profile.getString("profileId")) || hub.profileResponse(first).status() == 404,
        "the old profile is either reused or gone, never a second live profile");
  }

  @Test
  void anOrderDeliveredTwiceCountsOnceAndADeletedOrderNoLongerCounts() {
    Rec customer = customer(0);
    String profileId = hub.accept(customer).getString("profileId");
    Rec order = WireRecords.order(uniqueId("O"), customer.source(), customer.sourceId())
        .ordered(at(60), "99.00", "delivered").updatedAt(at(60));
    Rec other = WireRecords.order(uniqueId("O"), customer.source(), customer.sourceId())
        .ordered(at(61), "1.00", "delivered").updatedAt(at(61));

    assertEquals("created", outcome(hub.accept(order)));
    assertEquals("unchanged", outcome(hub.accept(order.copy())));
    hub.accept(other);
    JsonObject orders = hub.profile(profileId).getJsonObject("orders");
    assertEquals(2, orders.getInteger("orderCount"), orders::encode);
    assertEquals(100.0, orders.getDouble("spend"), 0.001, orders::encode);

    assertEquals("deleted", outcome(hub.accept(order.copy().deleted().updatedAt(at(90)))));

    orders = hub.profile(profileId).getJsonObject("orders");
    assertEquals(1, orders.getInteger("orderCount"), orders::encode);
    assertEquals(1.0, orders.getDouble("spend"), 0.001, orders::encode);
  }

  @Test
  void anOrderAnswersTheProfileOfItsCustomer() {
    Rec customer = customer(0);
    String profileId = hub.accept(customer).getString("profileId");

    JsonObject answer = hub.accept(WireRecords.order(uniqueId("O"), customer.source(), customer.sourceId())
        .ordered(at(60), "10.00", "paid").updatedAt(at(60)));

    assertEquals(profileId, answer.getString("profileId"));
  }
}
