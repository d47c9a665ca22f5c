package io.customerhub.record;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
