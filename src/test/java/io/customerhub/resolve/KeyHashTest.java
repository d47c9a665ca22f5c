package io.customerhub.resolve;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class KeyHashTest {

  @Test
  void sameKeySameHashAcrossCalls() {
    assertEquals(KeyHash.of("email:wei.zhang@example.com"), KeyHash.of("email:wei.zhang@example.com"));
  }

  @Test
  void theHashIsFixed() {
    // stored hashes must never change meaning: a stored database would stop finding its own records
    assertEquals(KeyHash.of("rec:crm:C-1001"), KeyHash.of(new String("rec:crm:C-1001".toCharArray())));
    assertEquals(-7529112342310046871L, KeyHash.of("rec:crm:C-1001"), "MurmurHash3 x64 128, seed 0, first half");
  }

  @Test
  void nonLatinKeysHashByTheirUtf8Bytes() {
    assertNotEquals(KeyHash.of("name:张伟"), KeyHash.of("name:张"));
    assertNotEquals(KeyHash.of("name:zhang wei"), KeyHash.of("name:张伟"));
  }

  @Test
  void aRecordsHashesAreDistinctAndSorted() {
    long[] h = KeyHash.of(List.of("b", "a", "b", "c"));
    assertEquals(3, h.length);
    for (int i = 1; i < h.length; i++) assertEquals(true, h[i - 1] < h[i]);
  }

  @Test
  void noCollisionsAmongManySimilarKeys() {
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 200_000; i++) seen.add(KeyHash.of("phone:+86138" + i));
    assertEquals(200_000, seen.size());
  }

  @Test
  void literalIsAPostgresArray() {
    assertEquals("{}", KeyHash.literal(new long[0]));
    assertEquals("{-2,7}", KeyHash.literal(new long[] {-2, 7}));
    assertArrayEquals(new long[] {}, KeyHash.of(List.of()));
  }
}
