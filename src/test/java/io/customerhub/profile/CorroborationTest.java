package io.customerhub.profile;

import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorroborationTest {

  private static final SourceKey A = new SourceKey("crm", "A");
  private static final SourceKey B = new SourceKey("erp", "B");
  private static final SourceKey C = new SourceKey("web", "C");
  private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");

  private static Candidate c(SourceKey record, Object value) {
    return new Candidate(record, AT, value);
  }

  /** Candidates by attribute: pairs of attribute name and candidate. */
  private static Map<String, List<Candidate>> by(Object... attributeAndCandidate) {
    Map<String, List<Candidate>> out = new LinkedHashMap<>();
    for (int i = 0; i < attributeAndCandidate.length; i += 2) {
      out.computeIfAbsent((String) attributeAndCandidate[i], a -> new ArrayList<>())
          .add((Candidate) attributeAndCandidate[i + 1]);
    }
    return out;
  }

  private static Set<SourceKey> votes(Map<String, Survivorship.Evidence> e, String attribute, String form) {
    Survivorship.Evidence ev = e.get(attribute);
    return ev == null ? Set.of() : ev.backing().getOrDefault(form, Map.of()).keySet();
  }

  /** The records backing each value, without how. */
  private static Map<String, Set<SourceKey>> votes(Survivorship.Evidence ev) {
    Map<String, Set<SourceKey>> out = new HashMap<>();
    ev.backing().forEach((form, records) -> out.put(form, records.keySet()));
    return out;
  }

  @Test
  void aResidentIdThatPassesItsCheckVotesForTheBirthDateInIt() {
    Map<String, Survivorship.Evidence> e = Corroboration.of(
        by("nationalId", c(A, "110101 19900307 0011")), NameKnowledge.NONE);
    // the date form birthDate candidates normalize to, so the vote lands on the same value
    assertEquals(Map.of("1990-03-07", Set.of(A)), votes(e.get("birthDate")));
    assertEquals(Set.of(), e.get("birthDate").doubts().keySet());
  }

  @Test
  void aResidentIdThatFailsItsCheckBacksNothing() {
    assertEquals(Map.of(), Corroboration.of(by("nationalId", c(A, "110101199003070012")), NameKnowledge.NONE));
    assertEquals(Map.of(), Corroboration.of(by("nationalId", c(A, "P12195236")), NameKnowledge.NONE),
        "no date in a passport number");
  }

  @Test
  void aNicknameBacksTheFormalNameAnotherRecordGivesNotTheOtherWayRound() {
    NameKnowledge names = n -> n.equals("bob") ? List.of("robert") : n.equals("robert") ? List.of("robert") : List.of();
    Map<String, Survivorship.Evidence> e = Corroboration.of(
        by("givenName", c(A, "Bob"), "givenName", c(B, "Robert")), names);
    assertTrue(votes(e, "givenName", "robert").contains(A));
    assertEquals(Set.of(), votes(e, "givenName", "bob"), "Robert says nothing for Bob");
    assertEquals(Set.of(), e.get("givenName").doubts().keySet(), "both names are known ones");
  }

  @Test
  void aNicknameBacksNoFormalNameNoRecordGives() {
    NameKnowledge names = n -> n.equals("bob") ? List.of("robert") : List.of();
    Map<String, Survivorship.Evidence> e = Corroboration.of(
        by("givenName", c(A, "Bob"), "givenName", c(B, "Bobby")), names);
    assertEquals(Set.of(), votes(e, "givenName", "robert"), "a vote for a value nobody offers would invent it");
  }

  @Test
  void aHanziFullNameBacksItsFirstCharacterAsFamilyNameAndTheRestAsGivenName() {
    Map<String, Survivorship.Evidence> e = Corroboration.of(by(
        "fullName", c(C, "徐晓东"), "givenName", c(A, "Xiaodong"), "familyName", c(B, "Xu")), NameKnowledge.NONE);
    assertEquals(Set.of(C), votes(e, "familyName", "xu"));
    assertEquals(Set.of(C), votes(e, "givenName", "xiaodong"));
  }

  @Test
  void aHanziFullNameSaysWhichPartIsWhichEvenWhereRecordsSwapThem() {
    // Chinese names are written family name first, so unlike a latin full name it takes a side
    Map<String, Survivorship.Evidence> e = Corroboration.of(by(
        "fullName", c(C, "徐晓东"),
        "givenName", c(A, "Xiaodong"), "givenName", c(B, "Xu"),
        "familyName", c(B, "Xu"), "familyName", c(A, "Xiaodong")), NameKnowledge.NONE);
    assertEquals(Set.of(C), votes(e, "familyName", "xu"));
    assertEquals(Set.of(C), votes(e, "givenName", "xiaodong"));
    assertEquals(Set.of(), votes(e, "familyName", "xiaodong"));
    assertEquals(Set.of(), votes(e, "givenName", "xu"));
  }

  @Test
  void aLatinFullNameBacksTheNamePartsOtherRecordsGive() {
    Map<String, Survivorship.Evidence> e = Corroboration.of(by(
        "fullName", c(C, "Alexandra Taylor"),
        "givenName", c(A, "Alexandra"), "givenName", c(B, "A1exandra"),
        "familyName", c(A, "Taylor")), NameKnowledge.NONE);
    assertEquals(Set.of(C), votes(e, "givenName", "alexandra"));
    assertEquals(Set.of(C), votes(e, "familyName", "taylor"));
    assertEquals(Set.of(), votes(e, "givenName", "a1exandra"));
  }

  @Test
  void aLatinFullNameTakesNoSideWhereRecordsSwapTheNameParts() {
    // which word is the family name, "Alexandra Taylor" does not say: the records disagree on exactly that
    Map<String, Survivorship.Evidence> e = Corroboration.of(by(
        "fullName", c(C, "Alexandra Taylor"),
        "givenName", c(A, "Alexandra"), "givenName", c(B, "Taylor"),
        "familyName", c(A, "Taylor"), "familyName", c(B, "Alexandra")), NameKnowledge.NONE);
    for (String attribute : List.of("givenName", "familyName")) {
      for (String form : List.of("alexandra", "taylor")) {
        assertFalse(votes(e, attribute, form).contains(C), attribute + " " + form);
      }
    }
    assertNull(e.get("givenName"));
    assertNull(e.get("familyName"));
  }

  @Test
  void anUnknownGivenNameAndAKnownGivenNameAsFamilyNameAreUnlikely() {
    // Thomas Jackson written as Jackson Thomas by one record
    NameKnowledge names = n -> n.equals("thomas") ? List.of("thomas") : List.of();
    Map<String, Survivorship.Evidence> e = Corroboration.of(by(
        "givenName", c(A, "Thomas"), "givenName", c(B, "Jackson"),
        "familyName", c(A, "Jackson"), "familyName", c(B, "Thomas")), names);
    assertNotNull(e.get("givenName"));
    assertEquals(Set.of("jackson"), e.get("givenName").doubts().keySet());
    assertEquals(Set.of("thomas"), e.get("familyName").doubts().keySet());
    assertEquals(Map.of(), votes(e.get("givenName")), "a formal name is no nickname of itself");
  }

  @Test
  void withoutAKnownGivenNameNothingIsUnlikely() {
    Map<String, Survivorship.Evidence> e = Corroboration.of(by(
        "givenName", c(A, "Thomas"), "givenName", c(B, "Jackson"),
        "familyName", c(A, "Jackson"), "familyName", c(B, "Thomas")), NameKnowledge.NONE);
    assertEquals(Map.of(), e);
  }

  @Test
  void partsAreEachWordAndEachRunOfTwoOrThreeWords() {
    assertEquals(Set.of("mary", "ann", "smith", "maryann", "annsmith", "maryannsmith"),
        Corroboration.parts("Mary Ann Smith"));
    assertTrue(Corroboration.parts("Mary-Ann SMITH").containsAll(Arrays.asList("maryann", "smith")),
        "hyphen and case aside");
    assertFalse(Corroboration.parts("Mary Ann Smith").contains("marysmith"), "runs are of neighbouring words");
  }

  /** Counts as the hub might have them: zhu mostly a family name, haiyan only ever a given name. */
  private static final NameKnowledge COUNTED = CountedNames.of(Map.of("zhu", 1L, "haiyan", 30L), Map.of("zhu", 50L));

  @Test
  void whereRecordsSwapTheNamePartsTheCountsSayWhichIsWhich() {
    Map<String, Survivorship.Evidence> e = Corroboration.of(by(
        "givenName", c(A, "Zhu"), "givenName", c(B, "Haiyan"),
        "familyName", c(A, "Haiyan"), "familyName", c(B, "Zhu")), COUNTED);
    assertEquals(Set.of("zhu"), e.get("givenName").doubts().keySet());
    assertEquals(Set.of("haiyan"), e.get("familyName").doubts().keySet());
    assertEquals("the hub's records give it as the family name more often (1 as given, 50 as family name)",
        e.get("givenName").doubts().get("zhu"));
  }

  @Test
  void aSpellingTheHubHasSeenFarLessOftenIsTheTypo() {
    Map<String, Survivorship.Evidence> e =
        Corroboration.of(by("familyName", c(A, "Zhu"), "familyName", c(B, "Zuh")), COUNTED);
    assertEquals(Map.of("zuh", "0 of the hub's records give it as the family name, 50 another of these"),
        e.get("familyName").doubts());
    // a given name is judged by given-name counts: zhu 1, haiyan 30
    assertEquals(Set.of("zhu"), Corroboration.of(by("givenName", c(A, "Zhu"), "givenName", c(B, "Haiyan")), COUNTED)
        .get("givenName").doubts().keySet());
  }

  @Test
  void countsDecideNothingTheHubHasNotSeenOften() {
    // a rare name and its typo, each seen about once
    NameKnowledge fewSeen = CountedNames.of(Map.of(), Map.of("quispe", 2L, "qispe", 1L));
    assertNull(Corroboration.of(by("familyName", c(A, "Quispe"), "familyName", c(B, "Qispe")), fewSeen)
        .get("familyName"));
    // a swap the hub has counted nothing of: even
    Map<String, Survivorship.Evidence> e = Corroboration.of(by(
        "givenName", c(A, "Zhu"), "givenName", c(B, "Haiyan"),
        "familyName", c(A, "Haiyan"), "familyName", c(B, "Zhu")), NameKnowledge.NONE);
    assertNull(e.get("givenName"));
    assertNull(e.get("familyName"));
  }
}
