package io.customerhub.events;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary the outbox relay sends in place of an event Kafka refused as too large. */
class OversizedEventSummaryTest {

  @Test
  void keepsWhatChangedAndTheVersionAndDropsTheRecordKeys() {
    JsonArray keys = new JsonArray();
    for (int i = 0; i < 2_000; i++) keys.add(new JsonObject().put("source", "crm").put("sourceId", "x".repeat(1_000)));
    JsonObject event = new JsonObject().put("profileId", "p-1").put("changeType", "merged").put("version", 7)
        .put("mergedInto", "p-2").put("tier", "gold").put("recordCount", 2_000).put("records", keys)
        .put("changes", new JsonArray().add("merged")).put("changedAttributes", new JsonArray().add("emails"));

    JsonObject summary = new JsonObject(OutboxRelayVerticle.withoutRecords("p-1", event.encode()));

    assertEquals(7, summary.getInteger("version"), summary::encode);
    assertEquals("merged", summary.getString("changeType"));
    assertEquals("p-2", summary.getString("mergedInto"));
    assertEquals("gold", summary.getString("tier"));
    assertEquals(2_000, summary.getInteger("recordCount"));
    assertEquals(new JsonArray().add("emails"), summary.getJsonArray("changedAttributes"));
    assertEquals(0, summary.getJsonArray("records").size());
    assertTrue(summary.getBoolean("recordsTruncated"));
    assertTrue(summary.encode().length() < 1_000, summary::encode);
  }

  @Test
  void anUnreadableRowStillGoesOutUnderItsProfileId() {
    JsonObject summary = new JsonObject(OutboxRelayVerticle.withoutRecords("p-1", "{not json"));

    assertEquals("p-1", summary.getString("profileId"));
    assertTrue(summary.getString("payloadOmitted").contains("read the profile"));
  }

  @Test
  void aHugeValueInAFieldItKeepsIsLeftOutToo() {
    JsonObject event = new JsonObject().put("profileId", "p-1").put("version", 3)
        .put("changedAttributes", new JsonArray().add("y".repeat(1 << 20)));

    JsonObject summary = new JsonObject(OutboxRelayVerticle.withoutRecords("p-1", event.encode()));

    assertFalse(summary.containsKey("changedAttributes"));
    assertEquals(3, summary.getInteger("version"));
  }
}
