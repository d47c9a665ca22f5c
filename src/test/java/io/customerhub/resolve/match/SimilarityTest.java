package io.customerhub.resolve.match;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimilarityTest {

  @Test
  void jaroWinklerKnownValues() {
    assertEquals(1.0, Similarity.jaroWinkler("martha", "martha"));
    assertEquals(0.961, Similarity.jaroWinkler("martha", "marhta"), 0.001);
    assertEquals(0.840, Similarity.jaroWinkler("dwayne", "duane"), 0.001);
    assertEquals(0.0, Similarity.jaroWinkler("abc", ""));
    assertEquals(0.0, Similarity.jaroWinkler("abc", "xyz"));
  }

  @RepeatedTest(5)
  void jaroWinklerAgreesWithCommonsText() {
    Random rnd = new Random();
    JaroWinklerSimilarity reference = new JaroWinklerSimilarity();
    for (int i = 0; i < 2000; i++) {
      String a = random(rnd), b = random(rnd);
      assertEquals(reference.apply(a, b), Similarity.jaroWinkler(a, b), 1e-9, a + " / " + b);
    }
  }

  /** Up to 64 characters the matched positions are bit masks, beyond them arrays: both agree with commons-text. */
  @RepeatedTest(5)
  void jaroWinklerAgreesWithCommonsTextOnBothSidesOfSixtyFourCharacters() {
    Random rnd = new Random();
    JaroWinklerSimilarity reference = new JaroWinklerSimilarity();
    for (int i = 0; i < 2000; i++) {
      String a = random(rnd, 56 + rnd.nextInt(16));
      String b = rnd.nextBoolean() ? random(rnd, 56 + rnd.nextInt(16)) : mutated(a, rnd);
      assertEquals(reference.apply(a, b), Similarity.jaroWinkler(a, b), 1e-9, a + " / " + b);
    }
  }

  @Test
  void editDistanceCountsTranspositionsAsOneEdit() {
    assertEquals(0, Similarity.editDistance("zhang", "zhang", 2));
    assertEquals(1, Similarity.editDistance("zhang", "zhnag", 2));
    assertEquals(1, Similarity.editDistance("zhang", "zhan", 2));
    assertEquals(2, Similarity.editDistance("kitten", "sitting", 2) - 1);
    assertEquals(3, Similarity.editDistance("abcdef", "uvwxyz", 2), "capped at max + 1");
  }

  @RepeatedTest(5)
  void editDistanceNeverExceedsLevenshtein() {
    Random rnd = new Random();
    LevenshteinDistance lev = new LevenshteinDistance();
    for (int i = 0; i < 2000; i++) {
      String a = random(rnd), b = random(rnd);
      int l = lev.apply(a, b);
      int d = Similarity.editDistance(a, b, 3);
      assertTrue(d <= Math.min(l, 4), a + " / " + b);
      if (l <= 3 && d == 4) throw new AssertionError(a + " / " + b);
    }
  }

  /** The one-pass answer for "at most one edit" agrees with the full table on near and far pairs alike. */
  @RepeatedTest(5)
  void oneEditAgreesWithTheFullDistance() {
    Random rnd = new Random();
    for (int i = 0; i < 5000; i++) {
      String a = random(rnd);
      String b = rnd.nextBoolean() ? random(rnd) : mutated(a, rnd);
      int full = Math.min(Similarity.editDistance(a, b, 3), 2);
      assertEquals(full, Similarity.editDistance(a, b, 1), a + " / " + b);
      assertEquals(a.equals(b) ? 0 : 1, Similarity.editDistance(a, b, 0), a + " / " + b);
    }
    assertEquals(1, Similarity.editDistance("13800138000", "13800183000", 1), "adjacent digits swapped");
    assertEquals(2, Similarity.editDistance("13800138000", "13800381000", 1), "digits swapped further apart");
    assertEquals(1, Similarity.editDistance("wei@example.com", "weii@example.com", 1));
    assertEquals(1, Similarity.editDistance("abc", "ab", 1));
    assertEquals(1, Similarity.editDistance("ab", "abc", 1));
  }

  /** One to two random edits of {@code s}: substitutions, insertions, deletions or adjacent swaps. */
  private static String mutated(String s, Random rnd) {
    StringBuilder b = new StringBuilder(s);
    for (int n = 1 + rnd.nextInt(2); n > 0; n--) {
      int at = b.length() == 0 ? 0 : rnd.nextInt(b.length());
      switch (rnd.nextInt(4)) {
        case 0 -> { if (b.length() > 0) b.setCharAt(at, (char) ('a' + rnd.nextInt(3))); }
        case 1 -> b.insert(at, (char) ('a' + rnd.nextInt(3)));
        case 2 -> { if (b.length() > 0) b.deleteCharAt(at); }
        default -> {
          if (at + 1 < b.length()) {
            char c = b.charAt(at);
            b.setCharAt(at, b.charAt(at + 1));
            b.setCharAt(at + 1, c);
          }
        }
      }
    }
    return b.toString();
  }

  @Test
  void tokenOverlapIsJaccard() {
    assertEquals(1.0, Similarity.tokenOverlap(List.of("acme", "trading"), List.of("trading", "acme")));
    assertEquals(1.0 / 3, Similarity.tokenOverlap(List.of("acme", "trading"), List.of("acme", "foods")), 1e-9);
    assertEquals(0.0, Similarity.tokenOverlap(List.of(), List.of("acme")));
  }

  private static String random(Random rnd) {
    return random(rnd, rnd.nextInt(8));
  }

  private static String random(Random rnd, int length) {
    StringBuilder sb = new StringBuilder();
    for (int n = length; n > 0; n--) sb.append((char) ('a' + rnd.nextInt(5)));
    return sb.toString();
  }
}
