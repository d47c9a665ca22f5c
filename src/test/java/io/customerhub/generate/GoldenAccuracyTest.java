package io.customerhub.generate;

import io.customerhub.generate.GoldenAccuracy.Row;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldenAccuracyTest {

  private static final SourceKey A1 = new SourceKey("crm", "a1");
  private static final SourceKey A2 = new SourceKey("erp", "a2");
  private static final SourceKey B1 = new SourceKey("crm", "b1");
  private static final SourceKey B2 = new SourceKey("erp", "b2");
  private static final SourceKey C1 = new SourceKey("crm", "c1");
  private static final SourceKey C2 = new SourceKey("erp", "c2");

  private static final TrueIdentity WEI = new TrueIdentity("E1", List.of("Wei", "伟"), List.of("Zhang", "张"),
      "1990-03-07", "110101199003070011", null);
  private static final TrueIdentity ROBERT = new TrueIdentity("E2", List.of("Robert"), List.of("Smith"),
      "1985-01-02", "123-45-6789", null);
  private static final TrueIdentity ANNA = new TrueIdentity("E3", List.of("Anna"), List.of("Meyer"),
      null, null, null);

  private static Row row(List<Row> rows, String attribute) {
    return rows.stream().filter(r -> r.attribute().equals(attribute)).findFirst().orElseThrow();
  }

  /**
   * P1 (a1 a2, E1): given names disagree (Wei, Wey), golden 伟 is right; family names agree across scripts.
   * P2 (b1 b2, E2): given names disagree (Robert, Bob), golden Bob is wrong; family names agree and golden Smyth is
   * wrong anyway; birth dates agree on their first ten characters; ids agree but for punctuation.
   * P3 (c1, E3, and c2 the truth does not know): one judged record, not counted at all.
   */
  @Test
  void countsProfilesAndTheOnesWhereRecordsDisagreedByHand() {
    Map<SourceKey, String> truth = Map.of(A1, "E1", A2, "E1", B1, "E2", B2, "E2", C1, "E3");
    Map<SourceKey, String> crosswalk = Map.of(A1, "P1", A2, "P1", B1, "P2", B2, "P2", C1, "P3", C2, "P3");
    Map<String, TrueIdentity> identities = Map.of("E1", WEI, "E2", ROBERT, "E3", ANNA);
    Map<SourceKey, Map<String, String>> members = new HashMap<>();
    members.put(A1, Map.of("givenName", "Wei", "familyName", "Zhang"));
    Map<String, String> a2 = new HashMap<>(Map.of("givenName", "Wey", "familyName", "张"));
    a2.put("nationalId", null); // null is no value: P1 has no nationalId to judge
    members.put(A2, a2);
    members.put(B1, Map.of("givenName", "Robert", "familyName", "Smith", "birthDate", "1985-01-02",
        "nationalId", "123456789"));
    members.put(B2, Map.of("givenName", "Bob", "familyName", "SMITH", "birthDate", "1985-01-02T00:00:00Z",
        "nationalId", "123-45-6789"));
    members.put(C1, Map.of("givenName", "Ana", "familyName", "Meyer"));
    members.put(C2, Map.of("givenName", "Anna", "familyName", "Meier"));
    Map<String, Map<String, String>> golden = Map.of(
        "P1", Map.of("givenName", "伟", "familyName", "Zhang"),
        "P2", Map.of("givenName", "Bob", "familyName", "Smyth", "birthDate", "1985-01-02",
            "nationalId", "123 45 6789"),
        "P3", Map.of("givenName", "Ana", "familyName", "Meier"));

    List<Row> rows = GoldenAccuracy.measure(truth, crosswalk, identities, members, golden);

    assertEquals(List.of(
        new Row("givenName", 2, 1, 2, 1),
        new Row("familyName", 2, 1, 0, 0), // Smyth: wrong though nobody disagreed
        new Row("fullName", 0, 0, 0, 0), // no record gives one
        new Row("birthDate", 1, 1, 0, 0),
        new Row("nationalId", 1, 1, 0, 0),
        new Row("taxId", 0, 0, 0, 0)), rows);
    assertEquals(0.5, row(rows, "givenName").share());
    assertEquals(0.5, row(rows, "givenName").contestedShare());
    assertEquals(1.0, row(rows, "taxId").share(), "nothing judged, nothing wrong");
  }

  @Test
  void aMissingGoldenValueWhereRecordsHaveOneIsWrong() {
    Map<SourceKey, String> truth = Map.of(A1, "E1", A2, "E1");
    Map<SourceKey, String> crosswalk = Map.of(A1, "P1", A2, "P1");
    Map<SourceKey, Map<String, String>> members = Map.of(A1, Map.of("birthDate", "1990-03-07"), A2, Map.of());
    List<Row> rows = GoldenAccuracy.measure(truth, crosswalk, Map.of("E1", WEI), members, Map.of());
    assertEquals(new Row("birthDate", 1, 0, 0, 0), row(rows, "birthDate"));
    assertEquals(new Row("givenName", 0, 0, 0, 0), row(rows, "givenName"), "no record has one");
  }

  @Test
  void theEntityMostOfAProfilesRecordsBelongToIsTheTruth() {
    // b1 b2 are Anna, a1 is Wei merged in by mistake: the profile is judged as Anna's
    Map<SourceKey, String> truth = Map.of(A1, "E1", B1, "E3", B2, "E3");
    Map<SourceKey, String> crosswalk = Map.of(A1, "P", B1, "P", B2, "P");
    Map<SourceKey, Map<String, String>> members = Map.of(
        A1, Map.of("givenName", "Wei"), B1, Map.of("givenName", "Anna"), B2, Map.of("givenName", "Anna"));
    Map<String, TrueIdentity> identities = Map.of("E1", WEI, "E3", ANNA);
    assertEquals(new Row("givenName", 1, 1, 1, 1), row(GoldenAccuracy.measure(truth, crosswalk, identities, members,
        Map.of("P", Map.of("givenName", "Anna"))), "givenName"));
    assertEquals(new Row("givenName", 1, 0, 1, 0), row(GoldenAccuracy.measure(truth, crosswalk, identities, members,
        Map.of("P", Map.of("givenName", "Wei"))), "givenName"), "the minority's name is wrong");
  }

  @Test
  void aTieGoesToTheSmallestEntityIdSoRunsAgree() {
    Map<SourceKey, String> truth = Map.of(A1, "E1", B1, "E3");
    Map<SourceKey, String> crosswalk = Map.of(A1, "P", B1, "P");
    Map<SourceKey, Map<String, String>> members = Map.of(A1, Map.of("givenName", "Wei"), B1, Map.of("givenName", "Anna"));
    Map<String, TrueIdentity> identities = Map.of("E1", WEI, "E3", ANNA);
    assertEquals(new Row("givenName", 1, 1, 1, 1), row(GoldenAccuracy.measure(truth, crosswalk, identities, members,
        Map.of("P", Map.of("givenName", "Wei"))), "givenName"));
  }

  @Test
  void aProfileOfAnEntityWithoutATrueIdentityIsNotJudged() {
    Map<SourceKey, String> truth = Map.of(A1, "E9", A2, "E9");
    Map<SourceKey, String> crosswalk = Map.of(A1, "P", A2, "P");
    Map<SourceKey, Map<String, String>> members = Map.of(A1, Map.of("givenName", "X"), A2, Map.of("givenName", "Y"));
    for (Row r : GoldenAccuracy.measure(truth, crosswalk, Map.of("E1", WEI), members, Map.of())) {
      assertEquals(0, r.profiles(), r.attribute());
    }
  }

  @Test
  void hanziAndPinyinCaseAndPunctuationAreOneSpellingButANicknameIsNot() {
    assertTrue(GoldenAccuracy.right("givenName", "伟", WEI));
    assertTrue(GoldenAccuracy.right("givenName", "WEI", WEI));
    assertTrue(GoldenAccuracy.right("familyName", "张", new TrueIdentity("E", List.of("Wei"), List.of("Zhang"),
        null, null, null)), "the hanzi is accepted even where only the pinyin is listed");
    assertFalse(GoldenAccuracy.right("givenName", "张伟", WEI), "the full name is not the given name");
    assertFalse(GoldenAccuracy.right("givenName", "Bob", ROBERT));
    assertFalse(GoldenAccuracy.right("givenName", null, ROBERT));
    assertTrue(GoldenAccuracy.right("birthDate", "1985-01-02T00:00:00Z", ROBERT));
    assertFalse(GoldenAccuracy.right("taxId", "123", ROBERT), "an entity without the id has no right value");
  }

  @Test
  void shareIsOneWhereNothingWasJudged() {
    assertEquals(1.0, new Row("taxId", 0, 0, 0, 0).share());
    assertEquals(1.0, new Row("taxId", 0, 0, 0, 0).contestedShare());
    assertEquals(0.75, new Row("givenName", 4, 3, 2, 1).share());
    assertEquals(0.5, new Row("givenName", 4, 3, 2, 1).contestedShare());
  }

  @Test
  void aFullNameIsRightInEitherOrderAndEitherScript() {
    TrueIdentity wei = new TrueIdentity("E1", List.of("Wei", "伟"), List.of("Zhang", "张"), null, null, null);
    for (String full : List.of("Zhang Wei", "Wei Zhang", "张伟", "ZHANG, Wei")) {
      assertTrue(GoldenAccuracy.right("fullName", full, wei), full);
    }
    assertFalse(GoldenAccuracy.right("fullName", "Zhang Wey", wei));
  }
}
