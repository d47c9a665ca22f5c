package io.customerhub.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8Test {

  private static final String MIXED = "a\u00e9\u5317\ud83d\ude00b"; // 1 + 2 + 3 + 4 + 1 bytes

  @Test
  void theLengthIsWhatTheEncoderWrites() {
    assertEquals(0, Utf8.length(""));
    assertEquals(11, Utf8.length(MIXED));
    assertEquals(MIXED.getBytes(StandardCharsets.UTF_8).length, Utf8.length(MIXED));
  }

  @Test
  void aSurrogateWithoutItsPairCountsNoLessThanItIsWritten() {
    String lone = "x\ud83d";
    assertEquals(4, Utf8.length(lone));
    assertEquals(4, Utf8.length("\ude00x"));
  }

  /** Counted char by char, as a text read in pieces is, the widths add up to the length of the whole. */
  @Test
  void widthsCharByCharAddUpToTheLength() {
    for (String text : new String[] {MIXED, "\ud83d\ud83d\ude00", "\ude00\ud83d", "\ud83d\ude00\ude00x", "\ud83d"}) {
      long bytes = 0;
      char before = 0;
      for (char c : text.toCharArray()) {
        bytes += Utf8.width(before, c);
        before = c;
      }
      assertEquals(Utf8.length(text), bytes, text);
    }
  }

  @Test
  void aPrefixIsCutBetweenCharacters() {
    assertEquals("", Utf8.prefix(MIXED, 0));
    assertEquals("a", Utf8.prefix(MIXED, 2));
    assertEquals("a\u00e9", Utf8.prefix(MIXED, 3));
    assertEquals("a\u00e9", Utf8.prefix(MIXED, 5));
    assertEquals("a\u00e9\u5317", Utf8.prefix(MIXED, 6));
    assertEquals("a\u00e9\u5317", Utf8.prefix(MIXED, 9), "never half of a surrogate pair");
    assertEquals("a\u00e9\u5317\ud83d\ude00", Utf8.prefix(MIXED, 10));
    assertEquals(MIXED, Utf8.prefix(MIXED, 11));
  }

  @Test
  void textThatFitsIsReturnedAsItIs() {
    assertSame(MIXED, Utf8.prefix(MIXED, 1_000));
    String ascii = "x".repeat(100);
    assertSame(ascii, Utf8.prefix(ascii, 100));
  }

  @Test
  void aLongPrefixTakesAtMostTheBytesAllowed() {
    String text = "\u5317".repeat(200_000);
    String cut = Utf8.prefix(text, 512 << 10);
    assertEquals(174_762, cut.length());
    assertEquals(524_286, cut.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void exceedsCountsBytesNotChars() {
    assertFalse(Utf8.exceeds("abc", 3));
    assertTrue(Utf8.exceeds("abcd", 3), "more chars than bytes allowed");
    assertFalse(Utf8.exceeds("北京", 6));
    assertTrue(Utf8.exceeds("北京", 5), "two chars of three bytes each");
    assertFalse(Utf8.exceeds("\uD83D\uDE00", 4), "a surrogate pair is four bytes");
    assertTrue(Utf8.exceeds("\uD83D\uDE00", 3));
  }
}
