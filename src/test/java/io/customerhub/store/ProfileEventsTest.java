package io.customerhub.store;

import io.customerhub.profile.Profile;
import io.customerhub.record.SourceKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileEventsTest {

  private static final UUID ID = UUID.fromString("01a242a7-ff09-7458-8813-0bc59f6cb9be");
  private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

  private static JsonObject event(List<SourceKey> records) {
    Profile profile = new Profile(ID.toString(), 7, "person", AT, AT, records, null, null, null, "gold", null, null);
    return ProfileEvents.payload(new ProfileChange(ID, ProfileChange.UPDATED, 7, profile, null, List.of()));
  }

  private static List<SourceKey> keys(int count, String idTail) {
    return IntStream.range(0, count).mapToObj(i -> new SourceKey("crm", "C" + i + idTail)).toList();
  }

  private static JsonObject key(String source, String sourceId) {
    return new JsonObject().put("source", source).put("sourceId", sourceId);
  }

  @Test
  void aProfileListsAllItsRecordsAndTheirCount() {
    JsonObject event = event(List.of(new SourceKey("crm", "C1"), new SourceKey("erp", "A1")));
    assertEquals(new JsonObject().put("profileId", ID.toString()).put("changeType", "updated").put("version", 7L)
        .put("tier", "gold").put("records", new JsonArray().add(key("crm", "C1")).add(key("erp", "A1")))
        .put("recordCount", 2).put("recordsTruncated", false), event);
  }

  @Test
  void anEventListsAtMostFiveThousandRecordsTheFirstOnes() {
    JsonObject all = event(keys(5_000, ""));
    assertEquals(5_000, all.getJsonArray("records").size());
    assertFalse(all.getBoolean("recordsTruncated"));

    JsonObject event = event(keys(5_001, ""));
    JsonArray listed = event.getJsonArray("records");
    assertEquals(ProfileEvents.MAX_RECORD_KEYS, listed.size());
    assertEquals(key("crm", "C0"), listed.getJsonObject(0));
    assertEquals(key("crm", "C4999"), listed.getJsonObject(4_999));
    assertEquals(5_001, event.getInteger("recordCount"));
    assertTrue(event.getBoolean("recordsTruncated"));
  }

  @Test
  void longSourceIdsAreListedWithinTheByteBoundAndTheEventFitsAKafkaMessage() {
    String tail = "-" + "\u5317".repeat(1_000);
    JsonObject event = event(keys(1_500, tail));
    JsonArray listed = event.getJsonArray("records");
    assertTrue(listed.size() > 100 && listed.size() < 1_500, () -> listed.size() + " listed");
    assertTrue(listed.encode().getBytes(StandardCharsets.UTF_8).length <= ProfileEvents.MAX_RECORD_KEY_BYTES);
    assertEquals(key("crm", "C" + (listed.size() - 1) + tail), listed.getJsonObject(listed.size() - 1));
    assertEquals(1_500, event.getInteger("recordCount"));
    assertTrue(event.getBoolean("recordsTruncated"));
    assertTrue(event.encode().getBytes(StandardCharsets.UTF_8).length < 1_000_000);
  }

  @Test
  void aSingleSourceIdLongerThanTheBoundIsCountedNotListed() {
    JsonObject event = event(List.of(new SourceKey("crm", "x".repeat(600 << 10))));
    assertEquals(0, event.getJsonArray("records").size());
    assertEquals(1, event.getInteger("recordCount"));
    assertTrue(event.getBoolean("recordsTruncated"));
  }

  @Test
  void aMergedAwayProfileNamesItsSurvivorAndListsNoRecords() {
    UUID survivor = UUID.randomUUID();
    JsonObject event = ProfileEvents.payload(new ProfileChange(ID, ProfileChange.MERGED, 8, null, survivor,
        List.of()));
    assertEquals(new JsonObject().put("profileId", ID.toString()).put("changeType", "merged").put("version", 8L)
        .put("mergedInto", survivor.toString()), event);
  }

  @Test
  void anErasedProfileListsTheErasedRecordsAndNothingElse() {
    JsonObject event = ProfileEvents.payload(new ProfileChange(ID, ProfileChange.ERASED, 9, null, null,
        List.of(new SourceKey("crm", "C1"), new SourceKey("erp", "A1"))));
    assertEquals(new JsonObject().put("profileId", ID.toString()).put("changeType", "erased").put("version", 9L)
        .put("records", new JsonArray().add(key("crm", "C1")).add(key("erp", "A1"))).put("recordCount", 2)
        .put("recordsTruncated", false), event);
  }

  @Test
  void aDeletedProfileListsNoRecordsEvenIfRecordsLeftIt() {
    JsonObject event = ProfileEvents.payload(new ProfileChange(ID, ProfileChange.DELETED, 9, null, null,
        List.of(new SourceKey("crm", "C1"))));
    assertEquals(new JsonObject().put("profileId", ID.toString()).put("changeType", "deleted").put("version", 9L),
        event);
  }
}
