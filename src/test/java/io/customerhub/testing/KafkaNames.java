package io.customerhub.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Kafka names owned by one test class: its consumer group and its own copy of every topic the hub uses, so that
 * test classes sharing the JVM's broker never consume each other's messages or share committed offsets.
 */
public record KafkaNames(String prefix) {

  public static KafkaNames unique(String testName) {
    return new KafkaNames("it." + testName + "." + UUID.randomUUID().toString().substring(0, 8));
  }

  /** The topic of a configured source ({@code crm}, {@code erp}, {@code orders}, …). */
  public String sourceTopic(String source) {
    return prefix + ".source." + source;
  }

  public String groupId() {
    return prefix + ".hub";
  }

  public String deadLetterTopic() {
    return prefix + ".dead-letter";
  }

  public String changeTopic() {
    return prefix + ".profile-changes";
  }

  /**
   * Copies the configuration directory {@code from} to {@code to} with every source mapped to its renamed topic;
   * returns the copied {@code hub.json}.
   */
  Path writeConf(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (file.getParent().getFileName().toString().equals("sources") && file.toString().endsWith(".json")) {
          JsonObject mapping = new JsonObject(Files.readString(file));
          if (mapping.getString("topic") != null) mapping.put("topic", sourceTopic(mapping.getString("name")));
          Files.writeString(target, mapping.encodePrettily());
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
    return to.resolve("hub.json");
  }
}
