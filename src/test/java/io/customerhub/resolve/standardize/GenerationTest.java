package io.customerhub.resolve.standardize;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationTest {

  private static final NameStandardizer NAMES = new NameStandardizer();

  private static String of(String given, String family, String full) {
    return NAMES.person(given, family, full).generation();
  }

  private static String withAttributes(String given, String family, Map<String, Object> attributes) {
    return Generation.of(of(given, family, null), attributes);
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
    assertEquals("jr", of(null, null, "John Smith Junior"));
    assertEquals("sr", of("John", "Smith Senior", null));
    assertEquals("jr", of(null, null, "John Smith, Junior"));
    assertEquals("jr", of(null, null, "Smith, John, Jr., PhD"));
    assertEquals("jr", of(null, null, "Smith, John Jr"));
    assertEquals("jr", of("John", "Smith", "John Smith Jr."), "the whole name beside its parts");
    assertEquals("iii", of("John", "Smith III", "John Smith Jr."), "the parts first");
  }

  @Test
  void aWordThatIsAGivenNameIsNoSuffix() {
    assertNull(of("Junior", "Silva", null), "Junior alone is a given name");
    assertNull(of(null, null, "Junior Silva"));
    assertNull(of("Jun", "Li", null), "Li Jun");
    assertNull(of(null, null, "Li Jun"));
    assertNull(of(null, null, "Sen Gupta"));
    assertNull(of(null, null, "Michael Senior"), "the surname Senior");
    assertNull(of("Michael", "Senior", null));
    assertNull(of(null, null, "Senior, Michael"));
    assertNull(of(null, null, "Smith, Junior"), "Junior Smith, family name first");
    assertNull(of(null, null, "Thomas Clifford, 1st Baron Clifford of Chudleigh"), "an ordinal of a title");
    assertNull(of("John", "Smith", null));
    assertNull(of(null, null, null));
  }

  @Test
  void aSuffixColumnIsRead() {
    assertEquals("jr", withAttributes("John", "Smith", Map.of("name_suffix_lbl", "JR")));
    assertEquals("sr", withAttributes("John", "Smith", Map.of("Suffix", "Sr.")));
    assertEquals("iii", withAttributes("John", "Smith", Map.of("name_sufx_cd", "III")));
    assertEquals("jr", withAttributes("John", "Smith", Map.of("suffix", "Junior")), "alone in its column, a suffix");
    assertNull(withAttributes("John", "Smith", Map.of("suffix", "PhD")));
    assertNull(withAttributes("John", "Smith", Map.of("suffix", "Jr Sr")));
    assertNull(withAttributes("John", "Smith", Map.of("segment", "Jr")), "only a suffix's own column");
    assertEquals("iii", withAttributes("John", "Smith III", Map.of("suffix", "Jr")), "the name first");
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
