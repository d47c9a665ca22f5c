package io.customerhub.resolve.standardize;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationTest {

  private static String of(String given, String family, String full) {
    return Generation.of(given, family, full, Map.of());
  }

  @Test
  void suffixesAfterTheNameInAnyPartAreRead() {
    assertEquals("jr", of("John", "Smith Jr.", null));
    assertEquals("jr", of("John Jr", "Smith", null));
    assertEquals("sr", of(null, null, "John Smith Sr."));
    assertEquals("sr", of(null, null, "Smith, John, Senior"));
    assertEquals("jr", of(null, null, "John Smith, Jr."));
    assertEquals("jr", of(null, null, "John Smith II"), "the second of the name");
    assertEquals("iii", of(null, null, "John Smith III"));
    assertEquals("iv", of("John", "Smith IV", null));
    assertEquals("jr", of(null, null, "JOHN SMITH JNR"));
  }

  @Test
  void aWordThatIsAGivenNameIsNoSuffix() {
    assertNull(of("Junior", "Silva", null), "Junior alone is a given name");
    assertNull(of(null, null, "Junior Silva"));
    assertNull(of("Jun", "Li", null), "Li Jun");
    assertNull(of(null, null, "Li Jun"));
    assertNull(of(null, null, "Sen Gupta"));
    assertNull(of(null, null, "Thomas Clifford, 1st Baron Clifford of Chudleigh"), "an ordinal of a title");
    assertNull(of("John", "Smith", null));
    assertNull(of(null, null, null));
  }

  @Test
  void aSuffixColumnIsRead() {
    assertEquals("jr", Generation.of("John", "Smith", null, Map.of("name_suffix_lbl", "JR")));
    assertEquals("sr", Generation.of("John", "Smith", null, Map.of("Suffix", "Sr.")));
    assertEquals("iii", Generation.of("John", "Smith", null, Map.of("name_sufx_cd", "III")));
    assertNull(Generation.of("John", "Smith", null, Map.of("suffix", "PhD")));
    assertNull(Generation.of("John", "Smith", null, Map.of("segment", "Jr")), "only a suffix's own column");
    assertEquals("iii", Generation.of("John", "Smith III", null, Map.of("suffix", "Jr")), "the name first");
  }

  @Test
  void onlyTwoNamedAndDifferentGenerationsConflict() {
    assertTrue(Generation.conflict("jr", "sr"));
    assertTrue(Generation.conflict("jr", "iii"));
    assertFalse(Generation.conflict("jr", "jr"));
    assertFalse(Generation.conflict("jr", null), "sources leave the suffix out");
    assertFalse(Generation.conflict(null, null));
  }
}
