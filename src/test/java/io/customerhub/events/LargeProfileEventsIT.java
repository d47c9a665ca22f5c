package io.customerhub.events;

import io.customerhub.testing.Futures;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.KafkaTestClient.Message;
import io.customerhub.testing.OneKafkaHubPerClass;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.customerhub.testing.WireRecords.distinctPerson;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A profile may gather any number of records (explicit links, a steward's merges), and its change events list
 * them: an event too large for Kafka would stop the outbox relay and every event after it. The event lists as many
 * record keys as it can hold and says how many there are.
 */
class LargeProfileEventsIT extends OneKafkaHubPerClass {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aProfileWithMoreRecordsThanAnEventHoldsIsPublishedAndLaterEventsFollow() {
    Rec first = distinctPerson("crm", "C");
    String profileId = hub.accept(first).getString("profileId");
    // source ids of a thousand characters: 1,500 of them list 1.5 MB of keys, more than Kafka takes in a message
    String longTail = "-" + "x".repeat(1_000);
    List<Rec> linked = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      linked.add(person("crm", uniqueId("L") + longTail).name(uniqueName(), uniqueName())
          .link(first.source(), first.sourceId()));
    }
    hub.ingest("crm", linked).forEach(a -> assertEquals("accepted", a.getString("status"), a::encode));
    JsonObject profile = hub.profile(profileId);
    List<String> keys = HubTestNode.recordKeys(profile);
    assertEquals(1_501, keys.size());

    JsonObject last = eventOf(profileId, e -> e.getLong("version").equals(profile.getLong("version")));
    assertEquals(1_501, last.getInteger("recordCount"), () -> abbreviated(last));
    assertEquals(true, last.getBoolean("recordsTruncated"), () -> abbreviated(last));
    JsonArray listed = last.getJsonArray("records");
    assertTrue(listed.size() > 0 && listed.size() < 1_501, () -> listed.size() + " keys listed");
    assertEquals(keys.subList(0, listed.size()), HubTestNode.recordKeys(last), "the profile's first keys");

    String later = hub.accept(distinctPerson("crm", "C")).getString("profileId");
    JsonObject created = eventOf(later, e -> true);
    assertEquals("created", created.getString("changeType"), created::encode);
    assertEquals(1, created.getInteger("recordCount"), created::encode);
    assertEquals(false, created.getBoolean("recordsTruncated"), created::encode);
  }

  /**
   * An outbox row written before events were bounded (or for a topic that takes less than they do) is published
   * as a summary without its record keys, and the events after it follow: before, the relay retried it forever.
   */
  @Test
  void anOldOutboxRowTooLargeForKafkaGoesOutWithoutItsRecordsAndLaterEventsFollow() {
    String oldProfile = java.util.UUID.randomUUID().toString();
    JsonArray keys = new JsonArray();
    for (int i = 0; i < 2_000; i++) keys.add(new JsonObject().put("source", "crm").put("sourceId", "x".repeat(1_000)));
    JsonObject oversized = new JsonObject().put("profileId", oldProfile).put("changeType", "updated")
        .put("version", 7).put("records", keys);
    Futures.await(hub.node().database().pool().preparedQuery(
            "insert into outbox (profile_id, change_type, version, payload) values ($1::uuid, 'updated', 7, $2)")
        .execute(io.vertx.sqlclient.Tuple.of(oldProfile, oversized)));

    String later = hub.accept(distinctPerson("crm", "C")).getString("profileId");

    JsonObject created = eventOf(later, e -> true);
    assertEquals("created", created.getString("changeType"), created::encode);
    JsonObject summary = eventOf(oldProfile, e -> true);
    assertEquals(7, summary.getInteger("version"), summary::encode);
    assertEquals("updated", summary.getString("changeType"), summary::encode);
    assertEquals(true, summary.getBoolean("recordsTruncated"), summary::encode);
    assertEquals(0, summary.getJsonArray("records").size(), summary::encode);
    assertTrue(summary.getString("payloadOmitted").contains("read the profile"), summary::encode);
  }

  private static JsonObject eventOf(String profileId, java.util.function.Predicate<JsonObject> which) {
    List<Message> read = kafka.readUntil(names.changeTopic(), messages -> messages.stream()
        .anyMatch(m -> profileId.equals(m.key()) && which.test(new JsonObject(m.value()))), WAIT);
    return read.stream().filter(m -> profileId.equals(m.key())).map(m -> new JsonObject(m.value())).filter(which)
        .findFirst().orElseThrow();
  }

  private static String abbreviated(JsonObject event) {
    String text = event.copy().put("records", event.getJsonArray("records").size() + " keys").encode();
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }
}
