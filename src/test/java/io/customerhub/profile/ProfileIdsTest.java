package io.customerhub.profile;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileIdsTest {

  @Test
  void idsAreVersion7WithTheVariantOfRfc9562() {
    for (int i = 0; i < 1000; i++) {
      UUID id = ProfileIds.next();
      assertEquals(7, id.version());
      assertEquals(2, id.variant());
    }
  }

  @Test
  void theFirst48BitsAreTheMillisecondSoIdsOfLaterMillisecondsSortAfter() {
    long t = 1_764_000_000_000L;
    UUID earlier = ProfileIds.at(t, -1L, -1L);
    UUID later = ProfileIds.at(t + 1, 0L, 0L);
    assertEquals(t, earlier.getMostSignificantBits() >>> 16);
    // PostgreSQL orders uuids by their bytes, unsigned: the text form compares the same way
    assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " < " + later);
  }

  @Test
  void idsOfOneMillisecondDifferInTheirRandomBits() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) seen.add(ProfileIds.next());
    assertEquals(100_000, seen.size());
  }
}
