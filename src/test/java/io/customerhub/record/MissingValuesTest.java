package io.customerhub.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissingValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"nan", "NaN", "None", "NULL", "null", "N/A", "n/a", "#N/A", "<NA>", "NaT", "undefined",
      "Unknown", "UNKNOWN", "-", "--", "?"})
  void placeholdersOfDataFramesAndExportsAreNoText(String s) {
    assertTrue(MissingValues.inText(s), s);
    assertTrue(MissingValues.inCode(s), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nan", "NAN", "Na", "NA", "Nil", "Noe", "Ann", "Xu", "O", "Li", "Unknownson", "X"})
  void namesThatLookLikePlaceholdersStayNames(String s) {
    assertFalse(MissingValues.inText(s), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NA", "na", "0", "000-00-0000", "999999999", "0000000000", "XXXXXX", "111 111 111",
      "00000"})
  void codesOfOneRepeatedCharacterOrNaAreNoCode(String s) {
    assertTrue(MissingValues.inCode(s), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"110101199003070011", "123-45-6789", "+86 138 0013 8000", "SW1A 1AA", "100022", "11",
      "1990-03-07", "91310000MA1FL4XX"})
  void realCodesStay(String s) {
    assertFalse(MissingValues.inCode(s), s);
  }

  @Test
  void addressesThatSayThereIsNoneAreNoEmail() {
    assertTrue(MissingValues.inEmail("noemail@example.com"));
    assertTrue(MissingValues.inEmail("None@none.com"));
    assertTrue(MissingValues.inEmail("n/a"));
    assertFalse(MissingValues.inEmail("nonetheless@example.com"));
    assertFalse(MissingValues.inEmail("wei.zhang@example.com"));
  }
}
