package io.customerhub.profile;

import io.customerhub.profile.FullNameParts.Parts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FullNamePartsTest {

  /** Counts as a hub might have them: robert and na given names, johnson and hu family names. */
  private static final CountedNames COUNTED =
      CountedNames.of(Map.of("robert", 40L, "na", 25L, "hu", 1L), Map.of("johnson", 30L, "hu", 60L));

  @Test
  void hanziAreWrittenFamilyNameFirst() {
    assertEquals(new Parts("晓东", "徐"), FullNameParts.of("徐晓东", NameKnowledge.NONE));
    assertEquals(new Parts("修文", "欧阳"), FullNameParts.of("欧阳修文", NameKnowledge.NONE), "a compound surname");
    assertNull(FullNameParts.of("徐", NameKnowledge.NONE), "one character says nothing");
    assertEquals(new Parts("晓东", "徐"), FullNameParts.of("徐晓东先生", NameKnowledge.NONE),
        "an honorific is no part of the name, as matching reads it");
    assertEquals(new Parts("晓东", "徐"), FullNameParts.of("徐·晓东", NameKnowledge.NONE));
  }

  @Test
  void aCommaOrCapitalsSayWhichIsTheFamilyName() {
    assertEquals(new Parts("Robert", "Johnson"), FullNameParts.of("Johnson, Robert", NameKnowledge.NONE));
    assertEquals(new Parts("Wei", "ZHANG"), FullNameParts.of("ZHANG Wei", NameKnowledge.NONE));
    assertEquals(new Parts("Wei", "ZHANG"), FullNameParts.of("Wei ZHANG", NameKnowledge.NONE));
  }

  @Test
  void otherwiseTheHubsCountsDecideEitherOrder() {
    assertEquals(new Parts("Robert", "Johnson"), FullNameParts.of("Robert Johnson", COUNTED));
    assertEquals(new Parts("Robert", "Johnson"), FullNameParts.of("Johnson Robert", COUNTED));
    assertEquals(new Parts("Na", "Hu"), FullNameParts.of("Hu Na", COUNTED), "Chinese order, written in pinyin");
  }

  @Test
  void nothingWhereTheCountsCannotTellOrTheNameHasMoreWords() {
    assertNull(FullNameParts.of("Robert Johnson", NameKnowledge.NONE), "a hub that has counted nothing");
    assertNull(FullNameParts.of("Quispe Mamani", COUNTED), "two words it has never seen");
    assertNull(FullNameParts.of("Mary Ann Johnson", COUNTED), "a middle name: which words go where is unclear");
    assertNull(FullNameParts.of("  ", COUNTED));
    assertNull(FullNameParts.of(null, COUNTED));
  }

  @Test
  void aRecordWithOnlyAFullNameOffersItsPartsAndTheFormalNameWins() {
    NameKnowledge names = COUNTED.withNicknames(Map.of("bobby", List.of("robert"), "robert", List.of("robert")));
    var crm = Records.rec("crm", "C1", Records.daysAgo(1)).name("Bobby", "Johnson").build();
    var erp = Records.rec("erp", "E1", Records.daysAgo(9)).fullName("Robert Johnson").build();
    Map<String, AttributeLineage> l = Lineage.fromMembers(List.of(crm, erp), SurvivorshipRules.defaults(), names);
    assertEquals("Robert", l.get("givenName").chosen());
    assertEquals(List.of(erp.key()), l.get("givenName").chosenFrom());
    assertEquals("Johnson", l.get("familyName").chosen());
  }
}
