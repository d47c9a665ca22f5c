package io.customerhub.ingest;

import io.customerhub.testing.KafkaTestClient.Message;
import io.customerhub.testing.OneKafkaHubPerClass;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The messages the hub refuses for their size are the ones it dead-letters, and a source topic may allow larger
 * messages than the dead-letter topic or the hub's producer: the dead letter is cut to fit, says how long the
 * value was and where the whole one is, and the partition keeps flowing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OversizedDeadLetterIT extends OneKafkaHubPerClass {

  private static final Duration WAIT = Duration.ofSeconds(45);

  private static JsonObject crmContact(String contactId) {
    return new JsonObject().put("contact_id", contactId).put("first_name", uniqueName()).put("last_name", "Wang")
        .put("email", uniqueEmail("dl")).put("mobile", uniqueMobile()).put("modified_at", at(0).toString());
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static Message deadLetterOf(String key) {
    return kafka.readUntil(names.deadLetterTopic(), read -> read.stream().anyMatch(m -> key.equals(m.key())), WAIT)
        .stream().filter(m -> key.equals(m.key())).findFirst().orElseThrow();
  }

  private static void assertComesFrom(RecordMetadata source, Message deadLetter) {
    assertEquals(source.topic(), deadLetter.headers().get("hub-source-topic"), deadLetter::toString);
    assertEquals(String.valueOf(source.partition()), deadLetter.headers().get("hub-source-partition"),
        deadLetter::toString);
    assertEquals(String.valueOf(source.offset()), deadLetter.headers().get("hub-source-offset"), deadLetter::toString);
  }

  @Test
  @Order(0)
  void aWellFormedRecordLongerThanARecordMayBeIsDeadLetteredWholeWithItsSize() {
    String topic = names.sourceTopic("crm");
    String key = uniqueId("C");
    int limit = hub.config().http().maxLineBytes();
    String tooLong = crmContact(key).put("note", "x".repeat(limit)).encode();

    RecordMetadata refused = kafka.send(topic, key, tooLong);
    kafka.send(topic, key, crmContact(key).encode());

    hub.awaitProfile("crm", key, p -> true, WAIT);
    Message deadLetter = deadLetterOf(key);
    assertComesFrom(refused, deadLetter);
    assertEquals(tooLong, deadLetter.value(), "small enough to keep whole");
    assertEquals("value: is " + utf8Length(tooLong) + " bytes, longer than the " + limit + " bytes a record may take",
        deadLetter.headers().get("hub-error"));
    kafka.awaitCommitted(names.groupId(), topic, WAIT);
  }

  @Test
  @Order(1)
  void aRefusedMessageLargerThanTheHubMaySendIsDeadLetteredCutToFitAndItsPartitionKeepsFlowing() {
    String topic = names.sourceTopic("crm");
    kafka.setTopicConfig(topic, "max.message.bytes", String.valueOf(4 << 20));
    String key = uniqueId("C");
    // 1.5 MB of three-byte characters, far over the hub's limit for one record
    String huge = crmContact(key).put("modified_at", "北".repeat(500_000)).encode();

    RecordMetadata refused = kafka.send(topic, key, huge);
    kafka.send(topic, key, crmContact(key).encode());

    hub.awaitProfile("crm", key, p -> true, WAIT);
    Message deadLetter = deadLetterOf(key);
    assertComesFrom(refused, deadLetter);
    assertEquals(String.valueOf(utf8Length(huge)), deadLetter.headers().get("hub-value-truncated"),
        "the original length, to fetch it from its source topic");
    int maxBytes = hub.config().kafka().deadLetterMaxValueBytes();
    int kept = utf8Length(deadLetter.value());
    assertTrue(kept <= maxBytes && kept > maxBytes - 3, () -> kept + " bytes kept of at most " + maxBytes);
    assertTrue(huge.startsWith(deadLetter.value()), "a prefix, cut between two characters");
    String reason = deadLetter.headers().get("hub-error");
    assertTrue(reason.startsWith("value: is " + utf8Length(huge) + " bytes"), reason);
    kafka.awaitCommitted(names.groupId(), topic, WAIT);
  }

  /** The dead-letter topic stays small for the rest of the class. */
  @Test
  @Order(2)
  void aDeadLetterTheDeadLetterTopicCannotHoldEvenCutIsSentWithoutItsValue() {
    kafka.setTopicConfig(names.deadLetterTopic(), "max.message.bytes", String.valueOf(16 << 10));
    String topic = names.sourceTopic("erp");
    String key = uniqueId("A");
    // within the hub's limit for a record, so refused for what it says: over the topic's limit all the same
    String malformed = "{\"account_no\": \"" + key + "\", \"note\": \"" + "x".repeat(40_000);

    RecordMetadata refused = kafka.send(topic, key, malformed);
    kafka.send(topic, key, new JsonObject().put("account_no", key).put("account_name", "北京" + uniqueName() + "有限公司")
        .put("billing_email", uniqueEmail("erp")).put("last_changed", at(0).toString()).encode());

    hub.awaitProfile("erp", key, p -> true, WAIT);
    Message deadLetter = deadLetterOf(key);
    assertComesFrom(refused, deadLetter);
    assertEquals("", deadLetter.value(), deadLetter::toString);
    assertEquals(String.valueOf(utf8Length(malformed)), deadLetter.headers().get("hub-value-truncated"));
    assertTrue(deadLetter.headers().get("hub-error").contains("JSON"), deadLetter::toString);
    kafka.awaitCommitted(names.groupId(), topic, WAIT);
  }

  /** Last: the dead-letter topic takes nothing from now on. */
  @Test
  @Order(3)
  void aDeadLetterKafkaRefusesEvenWithoutItsValueIsCountedAsLostAndItsPartitionGoesOn() {
    kafka.setTopicConfig(names.deadLetterTopic(), "max.message.bytes", "64");
    String topic = names.sourceTopic("crm");
    String key = uniqueId("C");

    kafka.send(topic, key, "{\"contact_id\": \"" + key + "\", broken");
    kafka.send(topic, key, crmContact(key).encode());

    hub.awaitProfile("crm", key, p -> true, WAIT);
    kafka.awaitCommitted(names.groupId(), topic, WAIT);
    String metrics = hub.get("/metrics", hub.adminToken()).body();
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("hub_ingest_dead_letters_total{outcome=\"lost\"} ")
        && !l.endsWith(" 0.0")), metrics);
  }
}
