package io.customerhub.resolve.standardize;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class VietnameseNamesTest {

  private final Standardizer std = new Standardizer();

  private StandardRecord person(String given, String family, String full) {
    return std.standardize(Persons.person(given, family, full, null, Map.of()));
  }

  private static void assertName(StandardRecord r, String given, String family) {
    assertEquals(given, r.given(), "given");
    assertEquals(family, r.family(), "family");
  }

  @Test
  void aWholeVietnameseNamePutsTheFamilyNameFirst() {
    assertName(person(null, null, "Nguyễn Văn An"), "an", "nguyen");
    assertName(person(null, null, "Trần Thị Mai"), "mai", "tran");
    assertName(person(null, null, "Nguyen Van An"), "an", "nguyen");
    assertName(person(null, null, "Phạm Minh Chính"), "minh chinh", "pham");
    assertName(person(null, null, "Lê Lợi"), "loi", "le");
  }

  @Test
  void namesThatOnlyLookVietnameseAreReadAsBefore() {
    assertEquals(null, person(null, null, "Nguyễn Văn An").gender(), "Văn without diacritics is also the Vân of women");
    assertName(person(null, null, "Nguyen An"), "nguyen", "an");
    assertName(person(null, null, "Mai Jones"), "mai", "jones");
    assertName(person(null, null, "Mai Van Dyke"), "mai", "van dyke");
    assertName(person(null, null, "Le Thi Hong"), "hong", "le");
    assertName(person(null, null, "Ho Chi Minh"), "ho chi", "minh");
    assertName(person(null, null, "Hồ Chí Minh"), "chi minh", "ho");
  }

  @Test
  void vanAndThiLeaveTheGivenNameOfAVietnameseFamilyName() {
    assertName(person("Văn An", "Nguyễn", null), "an", "nguyen");
    assertName(person("Thi Mai", "Tran", null), "mai", "tran");
    assertName(person("Van", "Nguyen", null), "van", "nguyen");
    assertName(person("Van Anh", "Berg", null), "van anh", "berg");
  }

  @Test
  void theProfileSplitsTheWholeNameAsMatchingDoes() {
    assertEquals(new Standardizer.FamilyFirstName("Nguyễn", "Văn An"), Standardizer.familyFirstName("Nguyễn Văn An"));
    assertNull(Standardizer.familyFirstName("Nguyen An"));
    assertArrayEquals(new String[] {"Tran", "Thi Mai"}, VietnameseNames.parts("Tran Thi Mai"));
  }
}
