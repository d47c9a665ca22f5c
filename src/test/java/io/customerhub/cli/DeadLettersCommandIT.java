package io.customerhub.cli;

import io.customerhub.testing.KafkaTestClient;
import io.customerhub.testing.OneKafkaHubPerClass;
import io.customerhub.testing.TestInfra;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/hub dead-letters}: what the Kafka door refused comes out of the dead-letter topic as files per source,
 * the record of a letter cut to fit whole from its source topic; mended, a file goes back in through
 * {@code bin/hub import}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLettersCommandIT extends OneKafkaHubPerClass {

  private static final Duration WAIT = Duration.ofSeconds(45);

  private static JsonObject contact(String id) {
    return new JsonObject().put("contact_id", id).put("first_name", uniqueName()).put("last_name", "Zhou")
        .put("email", uniqueEmail("dl")).put("modified_at", at(0).toString());
  }

  @Test
  @Order(1)
  void refusedRecordsComeOutAsFilesPerSourceAndGoBackInOnceMended(@TempDir Path tmp) throws Exception {
    String topic = names.sourceTopic("crm");
    kafka.setTopicConfig(topic, "max.message.bytes", String.valueOf(4 << 20));
    String badTime = uniqueId("C"), huge = uniqueId("C"), malformed = uniqueId("C");
    kafka.send(topic, badTime, contact(badTime).put("modified_at", "yesterday").encode());
    // larger than a dead letter may be: the letter holds its first 512 KiB, the topic the whole of it
    JsonObject hugeRecord = contact(huge).put("note", "北".repeat(300_000));
    kafka.send(topic, huge, hugeRecord.encode());
    kafka.send(topic, malformed, "{\"contact_id\": \"" + malformed + "\", \"email\": ");
    kafka.readUntil(names.deadLetterTopic(), read -> read.size() >= 3, WAIT);
    Path out = tmp.resolve("letters");

    CliRun run = CliRun.of(List.of("dead-letters", "--config", hub.config().confDir().resolve("hub.json").toString(),
        "--bootstrap", TestInfra.kafkaBootstrap(), "--topic", names.deadLetterTopic(), "--out", out.toString()));

    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().contains("3 dead letters"), run.out());
    List<String> crm = Files.readAllLines(out.resolve("crm.ndjson"));
    assertEquals(2, crm.size());
    Map<String, JsonObject> records = crm.stream().map(JsonObject::new)
        .collect(Collectors.toMap(r -> r.getString("contact_id"), r -> r));
    assertEquals("yesterday", records.get(badTime).getString("modified_at"));
    assertEquals(hugeRecord, records.get(huge), "the whole record, read back from its source topic");
    Map<String, JsonObject> index = Files.readAllLines(out.resolve(DeadLettersCommand.INDEX)).stream()
        .map(JsonObject::new).collect(Collectors.toMap(l -> l.getString("key"), l -> l));
    assertEquals(Set.of(badTime, huge, malformed), index.keySet());
    JsonObject letter = index.get(badTime);
    assertEquals(records.get(badTime).encode(), crm.get(letter.getInteger("line") - 1), letter::encode);
    assertTrue(letter.getString("error").startsWith("updatedAt"), letter::encode);
    assertEquals(topic, letter.getString("sourceTopic"));
    assertEquals("crm.ndjson", letter.getString("file"));
    assertEquals("the value is no JSON object", index.get(malformed).getString("left"));
    assertTrue(index.get(malformed).getString("value").startsWith("{\"contact_id\": \"" + malformed),
        index.get(malformed)::encode);

    // the steward mends the date; the huge record stays too long for the hub, and says so again
    Files.writeString(out.resolve("crm.ndjson"), records.get(badTime).put("modified_at", at(1).toString()).encode()
        + "\n" + records.get(huge).encode() + "\n");
    CliRun imported = CliRun.of(tmp, hub.port(), "import",
        List.of("--source", "crm", out.resolve("crm.ndjson").toString()));

    assertTrue(imported.out().contains("1 accepted, 1 rejected"), imported::toString);
    assertEquals("Zhou", hub.profileByKey("crm", badTime).getString("familyName"));

    CliRun again = CliRun.of(List.of("dead-letters", "--config", hub.config().confDir().resolve("hub.json").toString(),
        "--bootstrap", TestInfra.kafkaBootstrap(), "--topic", names.deadLetterTopic(), "--out", out.toString()));
    assertEquals(2, again.exit(), "a directory with files already is refused: " + again);
    assertTrue(again.err().contains("is not empty"), again::toString);
  }

  /**
   * Runs after the other, whose count of letters it would change. A hub stopped or killed after writing a batch's dead letters but before committing its offsets refuses the
   * batch again when it restarts, and writes the same letters again (at least once). The export writes each refused
   * record once, and says how many letters repeated one.
   */
  @Test
  @Order(2)
  void aLetterWrittenAgainAfterARestartComesOutOnce(@TempDir Path tmp) throws Exception {
    String topic = names.sourceTopic("crm");
    String bad = uniqueId("C");
    kafka.send(topic, bad, contact(bad).put("modified_at", "the day before yesterday").encode());
    List<KafkaTestClient.Message> letters = kafka.readUntil(names.deadLetterTopic(),
        read -> read.stream().anyMatch(m -> bad.equals(m.key())), WAIT);
    KafkaTestClient.Message letter = letters.stream().filter(m -> bad.equals(m.key())).findFirst().orElseThrow();
    kafka.send(names.deadLetterTopic(), letter.key(), letter.value(), letter.headers()); // the restarted hub's
    Path out = tmp.resolve("letters");

    CliRun run = CliRun.of(List.of("dead-letters", "--config", hub.config().confDir().resolve("hub.json").toString(),
        "--bootstrap", TestInfra.kafkaBootstrap(), "--topic", names.deadLetterTopic(), "--out", out.toString()));

    assertEquals(0, run.exit(), run::toString);
    assertEquals(1, Files.readAllLines(out.resolve("crm.ndjson")).stream()
        .filter(l -> bad.equals(new JsonObject(l).getString("contact_id"))).count(), run::toString);
    assertEquals(1, Files.readAllLines(out.resolve(DeadLettersCommand.INDEX)).stream()
        .filter(l -> bad.equals(new JsonObject(l).getString("key"))).count(), run::toString);
    assertTrue(run.out().contains("1 more letter repeated a record written out already"), run.out());
  }
}
