package io.customerhub.cli;

import io.customerhub.ingest.DeadLetterHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * What {@code bin/hub dead-letters} makes of one dead letter: the record, as one NDJSON line of the file of its
 * source, ready for {@code bin/hub import --source NAME} once the data or the mapping is mended; and a line of the
 * index ({@code dead-letters.ndjson}) saying where the letter and its record came from, why the hub refused it and
 * where the record went (or, for a value no file of records can hold, the value itself). Pure.
 */
final class DeadLetterExport {

  private DeadLetterExport() {
  }

  /** A letter as read from the dead-letter topic: where it is, its key, value and headers. */
  record Letter(int partition, long offset, String key, String value, Map<String, String> headers) {
    boolean truncated() {
      return headers.containsKey(DeadLetterHeaders.VALUE_TRUNCATED);
    }

    String sourceTopic() {
      return headers.get(DeadLetterHeaders.SOURCE_TOPIC);
    }
  }

  /**
   * The record's line for the file of {@code source} (both null when it cannot go in one) and the index line.
   */
  record Exported(String source, String line, JsonObject index) {
  }

  /**
   * @param whole         the whole value read back from the source topic for a truncated letter; null when the
   *                      letter is whole or the source topic no longer holds the message
   * @param sourceByTopic the configured sources by their topics
   */
  static Exported of(Letter letter, String whole, Map<String, String> sourceByTopic) {
    JsonObject index = new JsonObject().put("partition", letter.partition()).put("offset", letter.offset())
        .put("key", letter.key()).put("error", letter.headers().get(DeadLetterHeaders.ERROR))
        .put("sourceTopic", letter.sourceTopic())
        .put("sourcePartition", number(letter.headers().get(DeadLetterHeaders.SOURCE_PARTITION)))
        .put("sourceOffset", number(letter.headers().get(DeadLetterHeaders.SOURCE_OFFSET)));
    String source = letter.sourceTopic() == null ? null : sourceByTopic.get(letter.sourceTopic());
    String value = letter.truncated() ? whole : letter.value();
    if (letter.truncated() && whole == null) {
      return new Exported(null, null, index.put("left", "the letter holds the first part of the value only, and its "
          + "source topic no longer holds the whole message"));
    }
    if (source == null) {
      return new Exported(null, null, index.put("left", "no configured source reads topic " + letter.sourceTopic())
          .put("value", value));
    }
    if (!isObject(value)) {
      return new Exported(null, null, index.put("source", source).put("left", "the value is no JSON object")
          .put("value", value));
    }
    index.put("source", source).put("file", source + ".ndjson");
    return new Exported(source, oneLine(value), index);
  }

  /** Whether the value is a JSON object. */
  private static boolean isObject(String value) {
    if (value == null) return false;
    try {
      new JsonObject(value);
      return true;
    } catch (DecodeException | ClassCastException notAnObject) {
      return false;
    }
  }

  /**
   * A JSON object's text on one line, as its source sent it: written again by a parser it would lose what the
   * parser cannot hold (the digits of 12345678901234567.89, the zero of 0.10, 1e400 turned "Infinity"), and the
   * record imported back would not be the one refused. A line break in JSON text is whitespace between tokens (one
   * inside a string is written as an escape), so a space does as well.
   */
  static String oneLine(String json) {
    return json.indexOf('\n') < 0 && json.indexOf('\r') < 0 ? json : json.replace('\r', ' ').replace('\n', ' ');
  }

  private static Object number(String text) {
    if (text == null) return null;
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
