package io.customerhub.ingest;

import io.customerhub.support.Utf8;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dead-letter topic receives for a refused Kafka record: its key and value, why it was refused
 * ({@code hub-error}) and where it is ({@code hub-source-topic}, {@code hub-source-partition},
 * {@code hub-source-offset}).
 *
 * <p>Bounded, because records refused for their size are exactly the ones dead-lettered, and a source topic may
 * take larger messages than the dead-letter topic or the hub's producer (Kafka's default limit is 1 MB): a dead
 * letter sent whole could never be written, and its partition would retry it forever. A longer value is cut to
 * a prefix and {@code hub-value-truncated} gives its full length in bytes as the source sent it; the whole message
 * stays in its source topic at the offset named. The key names the record for whoever reads the letters and is kept
 * as it is up to {@link #MAX_KEY_BYTES}, past which it is cut the same way ({@code hub-key-truncated}): a key of a
 * megabyte made a letter Kafka refused even without its value.
 */
record DeadLetter(String key, String value, Map<String, String> headers) {

  static final String ERROR = DeadLetterHeaders.ERROR;
  static final String VALUE_TRUNCATED = DeadLetterHeaders.VALUE_TRUNCATED;

  /** More than any key that names a record; a source topic takes keys as large as its messages. */
  static final int MAX_KEY_BYTES = 16 * 1024;

  /** The reason may quote the input (a timestamp as written): uncut, it could be as large as the value. */
  static final int MAX_REASON_BYTES = 1024;

  private static final String ELLIPSIS = "\u2026";

  /** A Kafka record the hub refused: where it is, its key and value, and the value's size as it was sent. */
  record Refused(String topic, int partition, long offset, String key, String value, int valueBytes) {
  }

  DeadLetter {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * The letter for {@code refused}, its value cut to {@code maxValueBytes}. The work on the value is bounded by
   * what is kept, not by the value's size: a letter is made on the event loop.
   */
  static DeadLetter of(Refused refused, String reason, int maxValueBytes) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ERROR, bounded(reason));
    headers.put(DeadLetterHeaders.SOURCE_TOPIC, refused.topic());
    headers.put(DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(refused.partition()));
    headers.put(DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(refused.offset()));
    String value = refused.value();
    String kept = value == null ? null : Utf8.prefix(value, maxValueBytes);
    if (kept != null && kept.length() < value.length()) {
      headers.put(VALUE_TRUNCATED, String.valueOf(refused.valueBytes()));
    }
    String key = refused.key();
    if (key != null && Utf8.exceeds(key, MAX_KEY_BYTES)) {
      headers.put(DeadLetterHeaders.KEY_TRUNCATED, String.valueOf(Utf8.length(key)));
      key = Utf8.prefix(key, MAX_KEY_BYTES);
    }
    return new DeadLetter(key, kept, headers);
  }

  boolean truncated() {
    return headers.containsKey(VALUE_TRUNCATED);
  }

  /** Whether a letter without value would be any smaller. */
  boolean hasValue() {
    return value != null && !value.isEmpty();
  }

  private static String bounded(String reason) {
    if (reason == null || !Utf8.exceeds(reason, MAX_REASON_BYTES)) return reason;
    return Utf8.prefix(reason, MAX_REASON_BYTES - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length) + ELLIPSIS;
  }
}
