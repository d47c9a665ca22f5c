package io.customerhub.profile;

import io.customerhub.profile.NameParts.Parts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NamePartsTest {

  /** Counts as a hub might have them: robert and na given names, johnson and hu family names. */
  private static final CountedNames COUNTED =
      CountedNames.of(Map.of("robert", 40L, "na", 25L, "hu", 1L), Map.of("johnson", 30L, "hu", 60L));

  @Test
  void hanziAreWrittenFamilyNameFirst() {
    assertEquals(new Parts("晓东", "徐"), NameParts.fromFullName("徐晓东", NameKnowledge.NONE));
    assertEquals(new Parts("修文", "欧阳"), NameParts.fromFullName("欧阳修文", NameKnowledge.NONE), "a compound surname");
    assertNull(NameParts.fromFullName("徐", NameKnowledge.NONE), "one character says nothing");
    assertEquals(new Parts("晓东", "徐"), NameParts.fromFullName("徐晓东先生", NameKnowledge.NONE),
        "an honorific is no part of the name, as matching reads it");
    assertEquals(new Parts("晓东", "徐"), NameParts.fromFullName("徐·晓东", NameKnowledge.NONE));
  }

  @Test
  void aCommaOrCapitalsSayWhichIsTheFamilyName() {
    assertEquals(new Parts("Robert", "Johnson"), NameParts.fromFullName("Johnson, Robert", NameKnowledge.NONE));
    assertEquals(new Parts("Wei", "ZHANG"), NameParts.fromFullName("ZHANG Wei", NameKnowledge.NONE));
    assertEquals(new Parts("Wei", "ZHANG"), NameParts.fromFullName("Wei ZHANG", NameKnowledge.NONE));
  }

  @Test
  void otherwiseTheHubsCountsDecideEitherOrder() {
    assertEquals(new Parts("Robert", "Johnson"), NameParts.fromFullName("Robert Johnson", COUNTED));
    assertEquals(new Parts("Robert", "Johnson"), NameParts.fromFullName("Johnson Robert", COUNTED));
    assertEquals(new Parts("Na", "Hu"), NameParts.fromFullName("Hu Na", COUNTED), "Chinese order, written in pinyin");
  }

  @Test
  void nothingWhereTheCountsCannotTellOrTheNameHasMoreWords() {
    assertNull(NameParts.fromFullName("Robert Johnson", NameKnowledge.NONE), "a hub that has counted nothing");
    assertNull(NameParts.fromFullName("Quispe Mamani", COUNTED), "two words it has never seen");
    assertNull(NameParts.fromFullName("Mary Ann Johnson", COUNTED), "a middle name: which words go where is unclear");
    assertNull(NameParts.fromFullName("  ", COUNTED));
    assertNull(NameParts.fromFullName(null, COUNTED));
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

  @Test
  void longerNamesAreCutWhereTheCountsMakeOneCutLikeliest() {
    CountedNames counted = CountedNames.of(Map.of("robert", 40L, "mary", 30L, "ann", 12L, "juan", 20L,
        "carlos", 25L, "sarah", 20L), Map.of("johnson", 30L, "garcia", 40L, "lopez", 35L));
    assertEquals(new Parts("Mary Ann", "Johnson"), NameParts.fromFullName("Mary Ann Johnson", counted));
    assertEquals(new Parts("Juan Carlos", "García López"), NameParts.fromFullName("Juan Carlos García López", counted),
        "two given names and two family names");
    assertEquals(new Parts("Juan Carlos", "García López"), NameParts.fromFullName("García López Juan Carlos", counted),
        "the family names first");
    assertEquals(new Parts("Sarah", "Van der Berg"), NameParts.fromFullName("Sarah Van der Berg", counted),
        "particles go with the family name, which the hub has never counted");
    assertEquals(new Parts("Robert", "Johnson"), NameParts.fromFullName("Mrs. Robert J. Johnson Jr.", counted),
        "honorific, initial and suffix are no part of either");
    assertEquals(new Parts("Robert", "Johnson"), NameParts.fromFullName("The Rt. Hon. Robert Johnson", counted),
        "a form of address of three words");
    assertEquals(new Parts("민준", "김"), NameParts.fromFullName("김민준", counted), "Hangul: the family name first");
    assertEquals(new Parts("タロウ", "ヤマダ"), NameParts.fromFullName("ヤマダ タロウ", counted), "kana, words apart");
    assertNull(NameParts.fromFullName("ヤマダタロウ", counted), "kana run together: cannot be told");
    assertEquals(new Parts("Hon", "Johnson"), NameParts.fromFullName("Hon Johnson", counted),
        "Hon alone is a given name");
    assertEquals(new Parts("Mary Ann", "JOHNSON"), NameParts.fromFullName("JOHNSON Mary Ann", NameKnowledge.NONE));
    assertNull(NameParts.fromFullName("Mary Ann Quispe Mamani", counted),
        "where the unknown words could go either way, nothing");
    assertNull(NameParts.fromFullName("Thomas Clifford 1st Baron Clifford of Chudleigh", counted), "too long a name");
  }

  @Test
  void aCommaSaysWhichIsTheFamilyNameUnlessATitleFollowsIt() {
    CountedNames counted = CountedNames.of(Map.of("thomas", 40L), Map.of("clifford", 12L));
    assertEquals(new Parts("Sarah Jane", "Van der Berg"), NameParts.fromFullName("Van der Berg, Sarah Jane",
        NameKnowledge.NONE));
    assertEquals(new Parts("Thomas", "Clifford"), NameParts.fromFullName(
        "Thomas Clifford, 1st Baron Clifford of Chudleigh", counted), "the name before the title, by the counts");
    assertNull(NameParts.fromFullName("Thomas Clifford, 1st Baron Clifford of Chudleigh", NameKnowledge.NONE));
    assertNull(NameParts.fromFullName("Smith, Jr.", counted), "a suffix is no given name");
    assertNull(NameParts.fromFullName(", Robert", counted), "nothing before the comma");
    assertEquals(new Parts("John", "Smith"), NameParts.fromFullName("Smith, John, Jr., PhD", NameKnowledge.NONE),
        "titles after the last commas, then the name's comma");
    assertEquals(new Parts("John", "Smith"), NameParts.fromFullName("Smith, John Jr", NameKnowledge.NONE),
        "a given name that starts the words after the comma, its suffix dropped");
  }

  /** Counts as a hub might have them: olivia a given name, miller a family name. */
  private static final CountedNames OLIVIA_MILLER = CountedNames.of(Map.of("olivia", 40L, "miller", 1L),
      Map.of("miller", 30L));

  @Test
  void recordsThatSwappedTheNamePartsAreReadExchangedWhereAnotherRecordContradictsThem() {
    var crm = Records.rec("crm", "C1", Records.daysAgo(1)).name("Miller", "Olivia").build();
    var erp = Records.rec("erp", "E1", Records.daysAgo(2)).name("Miller", "Olivia").build();
    var risk = Records.rec("risk", "R1", Records.daysAgo(3)).name("Olivia", "Miller").build();
    Map<String, AttributeLineage> l = Lineage.fromMembers(List.of(crm, erp, risk), SurvivorshipRules.defaults(),
        OLIVIA_MILLER);
    assertEquals("Olivia", l.get("givenName").chosen(), "two swapped records no longer outvote the third");
    assertEquals("Miller", l.get("familyName").chosen());
    assertEquals(List.of(new Candidate(crm.key(), crm.updatedAt(), "Olivia", "familyName"),
            new Candidate(erp.key(), erp.updatedAt(), "Olivia", "familyName"),
            new Candidate(risk.key(), risk.updatedAt(), "Olivia")),
        l.get("givenName").candidates(), "the lineage says which field each value came from");
    assertEquals(List.of("3 records back it; crm:C1 through its family name, its name parts swapped; erp:E1 through"
        + " its family name, its name parts swapped"), l.get("givenName").why());
  }

  @Test
  void aSwappedRecordsNicknameBacksTheFormalNameAndTheLineageSaysWhereItCameFrom() {
    NameKnowledge names = CountedNames.of(Map.of("becky", 20L, "rebecca", 30L), Map.of("fischer", 25L))
        .withNicknames(Map.of("becky", List.of("rebecca"), "rebecca", List.of("rebecca")));
    var crm = Records.rec("crm", "C1", Records.daysAgo(1)).name("Fischer", "Becky").build();
    var erp = Records.rec("erp", "E1", Records.daysAgo(9)).name("Rebecca", "Fischer").build();
    Map<String, AttributeLineage> l = Lineage.fromMembers(List.of(crm, erp), SurvivorshipRules.defaults(), names);
    assertEquals("Rebecca", l.get("givenName").chosen());
    assertEquals(List.of("2 records back it; crm:C1 through its family name Becky, a nickname (its name parts"
        + " swapped)"), l.get("givenName").why());
    assertEquals(List.of("2 records back it; crm:C1 through its given name, its name parts swapped"),
        l.get("familyName").why());
  }

  @Test
  void anOrderNothingContradictsIsKeptHoweverRare() {
    var one = Records.rec("crm", "C1", Records.daysAgo(1)).name("Miller", "Olivia").build();
    assertEquals("Miller", Lineage.fromMembers(List.of(one), SurvivorshipRules.defaults(), OLIVIA_MILLER)
        .get("givenName").chosen(), "a record alone is taken as it labels its fields");
    var two = Records.rec("erp", "E1", Records.daysAgo(2)).name("Miller", "Olivia").build();
    assertEquals("Miller", Lineage.fromMembers(List.of(one, two), SurvivorshipRules.defaults(), OLIVIA_MILLER)
        .get("givenName").chosen(), "two records that agree contradict nothing");
  }

  @Test
  void whereTheCountsCannotTellTheVotesDecide() {
    var crm = Records.rec("crm", "C1", Records.daysAgo(1)).name("Miller", "Olivia").build();
    var erp = Records.rec("erp", "E1", Records.daysAgo(2)).name("Miller", "Olivia").build();
    var risk = Records.rec("risk", "R1", Records.daysAgo(3)).name("Olivia", "Miller").build();
    assertEquals("Miller", Lineage.fromMembers(List.of(crm, erp, risk), SurvivorshipRules.defaults(),
        CountedNames.of(Map.of(), Map.of())).get("givenName").chosen(), "a hub that has counted nothing");
    CountedNames even = CountedNames.of(Map.of("olivia", 2L, "miller", 1L), Map.of("miller", 2L, "olivia", 1L));
    assertEquals(List.of(new NameParts.Parts("Miller", "Olivia"), new NameParts.Parts("Olivia", "Miller")),
        NameParts.offered(List.of(crm, risk), even), "twice as likely is not enough to call a labelled field wrong");
  }

  @Test
  void swapOddsAreTheRatioOfBothOrdersAndEvenForWordsNeverCounted() {
    assertEquals(1.0, NameKnowledge.NONE.swapOdds("miller", "olivia"), 1e-9);
    double odds = OLIVIA_MILLER.swapOdds("miller", "olivia");
    assertEquals(1 / odds, OLIVIA_MILLER.swapOdds("olivia", "miller"), 1e-9);
    // olivia: (40+1)/(40+0+2) given; miller: (1+1)/(1+30+2)
    double olivia = 41.0 / 42;
    double miller = 2.0 / 33;
    assertEquals(olivia * (1 - miller) / (miller * (1 - olivia)), odds, 1e-9);
  }

  /** A record without a surname beside its whole name ("Catherine Jones" and the given name Catherine). */
  @Test
  void aMissingPartIsTakenFromTheWholeNameWhereThePartGivenSitsInIt() {
    assertEquals(new Parts("Catherine", "Jones", "givenName", "fullName"),
        NameParts.completed("Catherine", null, "Catherine Jones"));
    assertEquals(new Parts("John Michael", "Darnley", "fullName", "familyName"),
        NameParts.completed(null, "Darnley", "John Michael Darnley"));
    assertEquals(new Parts("Catherine", "Jones", "givenName", "fullName"),
        NameParts.completed("Catherine", null, "Jones, Catherine"));
    assertEquals(new Parts("伟", "张", "givenName", "fullName"), NameParts.completed("伟", null, "张伟"));
    assertEquals(new Parts("Wei", "Zhang", "givenName", "fullName"), NameParts.completed("Wei", null, "Zhang Wei"));
    assertEquals(new Parts("Ludwig", "van Beethoven", "givenName", "fullName"),
        NameParts.completed("Ludwig", null, "Ludwig van Beethoven"));
    assertNull(NameParts.completed("Henrt", null, "Henry Clarke"), "a typo in one field only: nothing guessed");
    assertNull(NameParts.completed("Catherine", "Jones", "Catherine Jones"), "nothing missing");
    assertNull(NameParts.completed("Catherine", null, "Catherine"), "nothing more in the whole name");
    assertNull(NameParts.completed("Catherine", null, null));
  }
}
