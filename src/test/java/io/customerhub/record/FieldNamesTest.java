package io.customerhub.record;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FieldNamesTest {

  @Test
  void snakeCamelKebabDottedAndSpacedNamesAreOne() {
    for (String name : List.of("first_name", "firstName", "First Name", "first-name", "FIRST.NAME", "firstname")) {
      assertEquals("firstname", FieldNames.key(name), name);
    }
  }

  @Test
  void lettersAndDigitsStayAsTheyAre() {
    assertEquals("fnamec1", FieldNames.key("fname_c1"));
    assertEquals("street2", FieldNames.key("Street 2"));
    assertNotEquals(FieldNames.key("fname_c1"), FieldNames.key("fname_c2"));
    assertEquals("", FieldNames.key("_ -."));
  }

  /** Property: the shortcut for names already in key form gives what removing separators and lowering gives. */
  @Test
  void aNameAlreadyInKeyFormComesBackAsItIsAndEveryOtherIsNormalized() {
    assertSame("gender", FieldNames.key("gender"));
    java.util.Random random = new java.util.Random(11);
    String alphabet = "aZ_-. 9éÉİΣσ\uD801\uDC00";
    for (int run = 0; run < 2_000; run++) {
      StringBuilder name = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String n = name.toString();
      String expected = n.replace("_", "").replace("-", "").replace(".", "").replace(" ", "")
          .toLowerCase(java.util.Locale.ROOT);
      assertEquals(expected, FieldNames.key(n), n);
    }
  }
}
