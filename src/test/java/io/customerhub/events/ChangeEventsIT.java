package io.customerhub.events;

import io.customerhub.testing.OneKafkaHubPerClass;
import io.customerhub.testing.KafkaTestClient.Message;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.daysAgo;
import static io.customerhub.testing.WireRecords.distinctPerson;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile changes leave through the transactional outbox to the change topic (conf/hub.json
 * {@code kafka.changeTopic}), keyed by profile id: one event per new profile version, in version order, saying what
 * kind of change it was and which parts of the profile changed; a redelivered record publishes nothing.
 */
class ChangeEventsIT extends OneKafkaHubPerClass {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The events of one profile, in the order the topic holds them, once there are {@code count}. */
  private static List<JsonObject> eventsOf(String profileId, int count) {
    List<Message> read = kafka.readUntil(names.changeTopic(),
        messages -> messages.stream().filter(m -> profileId.equals(m.key())).count() >= count, WAIT);
    return read.stream().filter(m -> profileId.equals(m.key())).map(m -> new JsonObject(m.value())).toList();
  }

  private static List<Object> field(List<JsonObject> events, String name) {
    return events.stream().map(e -> e.getValue(name)).toList();
  }

  private static List<?> list(JsonObject event, String name) {
    JsonArray values = event.getJsonArray(name);
    return values == null ? List.of() : values.getList();
  }

  @Test
  void eachNewVersionIsOneEventInVersionOrderNamingWhatChanged() {
    Rec customer = distinctPerson("crm", "C");
    String profileId = hub.accept(customer).getString("profileId");
    Rec newEmail = customer.copy().emails(uniqueEmail("moved")).updatedAt(at(10));
    hub.accept(newEmail);
    assertEquals("unchanged", hub.accept(newEmail.copy()).getString("outcome"), "a redelivery");
    hub.accept(WireRecords.order(uniqueId("O"), customer.source(), customer.sourceId())
        .ordered(daysAgo(10), "6000.00", "delivered").updatedAt(at(20)));
    long version = hub.profile(profileId).getLong("version");

    List<JsonObject> events = eventsOf(profileId, 3);

    assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.getLong("version")).toList(),
        "one event per version, in order, none for the redelivery: " + events);
    assertEquals(version, events.get(2).getLong("version"), "the last event is the current version");
    assertEquals(List.of(profileId, profileId, profileId), field(events, "profileId"));
    assertEquals(List.of("created", "updated", "updated"), field(events, "changeType"));

    JsonObject created = events.get(0);
    assertEquals(List.of("created"), list(created, "changes"), created::encode);
    assertTrue(list(created, "changedAttributes").containsAll(List.of("givenName", "familyName", "emails", "phones",
        "birthDate", "records")), created::encode);
    assertEquals("none", created.getString("tier"), created::encode);

    JsonObject moved = events.get(1);
    assertEquals(List.of("updated"), list(moved, "changes"), moved::encode);
    assertEquals(List.of("emails"), list(moved, "changedAttributes"), moved::encode);

    JsonObject ordered = events.get(2);
    assertEquals(List.of("updated", "tier_changed", "risk_tags_changed"), list(ordered, "changes"),
        "none → platinum, and NEW_CUSTOMER raised: " + ordered.encode());
    assertEquals(List.of("orders", "riskTags", "tier"), list(ordered, "changedAttributes"), ordered::encode);
    assertEquals("platinum", ordered.getString("tier"), ordered::encode);
  }

  @Test
  void aMergeIsTheSurvivorsNextEventAndTheLastEventOfTheAbsorbedProfile() {
    Rec crm = distinctPerson("crm", "C");
    Rec erp = distinctPerson("erp", "K");
    String survivor = hub.accept(crm).getString("profileId");
    String absorbed = hub.accept(erp).getString("profileId");

    assertEquals(survivor, hub.accept(erp.copy().link(crm.source(), crm.sourceId()).updatedAt(at(5)))
        .getString("profileId"), "the link merges the newer profile into the older");

    List<JsonObject> survivorEvents = eventsOf(survivor, 2);
    assertEquals(List.of(1L, 2L), survivorEvents.stream().map(e -> e.getLong("version")).toList());
    assertEquals(List.of("created", "merged"), field(survivorEvents, "changeType"));
    JsonObject merged = survivorEvents.get(1);
    assertTrue(list(merged, "changedAttributes").contains("records"), merged::encode);
    assertEquals(new JsonArray().add(key(crm)).add(key(erp)), merged.getJsonArray("records"), merged::encode);

    List<JsonObject> absorbedEvents = eventsOf(absorbed, 2);
    assertEquals(List.of("created", "merged"), field(absorbedEvents, "changeType"));
    JsonObject last = absorbedEvents.get(1);
    assertEquals(survivor, last.getString("mergedInto"), last::encode);
    assertTrue(last.getLong("version") > absorbedEvents.get(0).getLong("version"), absorbedEvents::toString);
  }

  @Test
  void anErasedCustomersLastEventNamesItsRecordsSoThatConsumersEraseThemToo() {
    Rec crm = distinctPerson("crm", "C");
    Rec erp = crm.copyIn("erp", "K");
    String profileId = hub.accept(crm).getString("profileId");
    assertEquals(profileId, hub.accept(erp).getString("profileId"));

    assertEquals(200, hub.post("/api/v1/profiles/" + profileId + "/erase", "application/json",
        "{\"note\":\"DSAR-7\"}", hub.adminToken()).status());

    List<JsonObject> events = eventsOf(profileId, 3);
    assertEquals(List.of("created", "updated", "erased"), field(events, "changeType"));
    JsonObject erased = events.get(2);
    assertEquals(new JsonArray().add(key(crm)).add(key(erp)), erased.getJsonArray("records"), erased::encode);
    assertEquals(3L, erased.getLong("version"));
    assertEquals(null, erased.getValue("tier"), "nothing about the customer but the keys to erase");
  }

  private static JsonObject key(Rec r) {
    return new JsonObject().put("source", r.source()).put("sourceId", r.sourceId());
  }
}
