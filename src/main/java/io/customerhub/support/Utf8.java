package io.customerhub.support;

/**
 * Sizes of text in UTF-8, counted without encoding it: the limits that matter are in bytes (a request line, a
 * Kafka message), Java strings are in chars, and a text of one script takes three bytes a char where another
 * takes one.
 */
public final class Utf8 {

  private Utf8() {
  }

  /**
   * The bytes {@code text} takes in UTF-8. A surrogate without its pair counts three bytes, never less than an
   * encoder writes for it: callers hold text to limits with this.
   */
  public static long length(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      int width = width(text, i);
      bytes += width;
      if (width == 4) i++;
    }
    return bytes;
  }

  /**
   * Whether {@code text} takes more than {@code maxBytes} in UTF-8, answered from its length alone where that
   * suffices (a char takes one to three bytes; a surrogate pair four, for two chars).
   */
  public static boolean exceeds(CharSequence text, long maxBytes) {
    if (text.length() > maxBytes) return true;
    if (text.length() * 3L <= maxBytes) return false;
    return length(text) > maxBytes;
  }

  /**
   * The longest prefix of {@code text} that takes at most {@code maxBytes} in UTF-8, cut between two characters:
   * never inside a character's bytes nor between the two halves of a surrogate pair.
   */
  public static String prefix(String text, int maxBytes) {
    if (text.length() * 3L <= maxBytes) return text;
    long bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int width = width(text, end);
      if (bytes + width > maxBytes) break;
      bytes += width;
      end += width == 4 ? 2 : 1;
    }
    return text.substring(0, end);
  }

  /**
   * The bytes {@code c} adds to a text in UTF-8 when {@code before} is the char before it (0 at the start), counted
   * as {@link #length} counts them: a text read in pieces is measured char by char without being kept. A low
   * surrogate after a high one adds 1, completing the pair's 4 (the high surrogate alone was counted 3).
   */
  public static int width(char before, char c) {
    if (c < 0x80) return 1;
    if (c < 0x800) return 2;
    if (Character.isLowSurrogate(c) && Character.isHighSurrogate(before)) return 1;
    return 3;
  }

  /** Bytes of the character starting at {@code i}; 4 for a surrogate pair, which takes two chars. */
  private static int width(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c < 0x80) return 1;
    if (c < 0x800) return 2;
    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
      return 4;
    }
    return 3;
  }
}
