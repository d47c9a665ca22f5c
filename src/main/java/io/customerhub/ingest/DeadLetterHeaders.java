package io.customerhub.ingest;

/**
 * The headers of a dead letter ({@link DeadLetter}): why the record was refused, where it came from, and whether
 * the letter holds only the first part of its value. Tools that read the dead-letter topic rely on these names.
 */
public final class DeadLetterHeaders {

  public static final String ERROR = "hub-error";
  public static final String SOURCE_TOPIC = "hub-source-topic";
  public static final String SOURCE_PARTITION = "hub-source-partition";
  public static final String SOURCE_OFFSET = "hub-source-offset";
  /** Present on a letter cut to fit: the whole value's length in bytes as the source sent it. */
  public static final String VALUE_TRUNCATED = "hub-value-truncated";
  /** Present on a letter whose key was cut to fit: the whole key's length in bytes. */
  public static final String KEY_TRUNCATED = "hub-key-truncated";

  private DeadLetterHeaders() {
  }
}
