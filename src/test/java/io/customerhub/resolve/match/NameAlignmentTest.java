package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.customerhub.resolve.match.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names lined up before comparison: straight, swapped, or one record's whole name split to match the other's. */
class NameAlignmentTest {

  private final MatchingConfig cfg = MatchingConfig.defaults();
  private final Comparisons cmp = new Comparisons(cfg);

  private static StandardRecord named(String id, String given, String family) {
    return person(id, given, family, null, null, null, null, "19 Wardill Close", "2747");
  }

  private int[] levels(StandardRecord a, StandardRecord b) {
    int[] out = new int[Field.values().length];
    cmp.levels(a, b, cmp.names(a, b), out);
    return out;
  }

  private static int given(int[] levels) {
    return levels[Field.GIVEN_NAME.ordinal()];
  }

  private static int family(int[] levels) {
    return levels[Field.FAMILY_NAME.ordinal()];
  }

  @Test
  void bothNamesInTheGivenNameFieldAreSplitAsTheOtherRecordHasThem() {
    StandardRecord full = named("a", "Michael", "Gates");
    StandardRecord combined = named("b", "Gates Michael", null);

    NameAlignment n = cmp.names(full, combined);
    assertEquals("/names-combined", n.rule());
    assertEquals(0, given(levels(full, combined)));
    assertEquals(0, family(levels(full, combined)));
    // the same from the other side
    assertEquals(0, given(levels(combined, full)));
    assertEquals(0, family(levels(combined, full)));
  }

  @Test
  void aHyphenatedWholeNameInTheFamilyNameFieldIsSplitToo() {
    StandardRecord full = named("a", "Schkirra", "Peters");
    StandardRecord combined = named("b", null, "Peters-Schkirra");

    int[] l = levels(full, combined);
    assertEquals(0, given(l));
    assertEquals(0, family(l));
  }

  @Test
  void aTruncatedWordStillSplitsAndComparesAsNearNotExact() {
    StandardRecord full = named("a", "Aidan", "Brown");
    StandardRecord combined = named("b", "Brown Aida", null);

    int[] l = levels(full, combined);
    assertEquals(0, family(l));
    assertEquals(2, given(l), "aida against aidan: NEAR");
  }

  @Test
  void aFamilyNameInitialLetsTheGivenNameBeComparedAndCountsAsNoFamilyName() {
    StandardRecord full = named("a", "Benjamin", "Trott");

    int[] l = levels(full, named("b", null, "T-Benjamin"));
    assertEquals(0, given(l));
    assertEquals(Field.MISSING, family(l), "an initial is no evidence either way");
    int[] after = levels(full, named("c", "Benjamin T", null));
    assertEquals(0, given(after));
    assertEquals(Field.MISSING, family(after));
  }

  @Test
  void aFamilyNameWrittenInTheGivenNameBoxMovesToItsPlace() {
    StandardRecord full = named("a", "Mya", "Watson");
    StandardRecord moved = named("b", "Watson", null);

    int[] l = levels(full, moved);
    assertEquals(0, family(l));
    assertEquals(Field.MISSING, given(l));
  }

  @Test
  void aWholeNameThatDoesNotMatchIsLeftAsItStands() {
    StandardRecord full = named("a", "Michael", "Gates");
    StandardRecord other = named("b", "Sarah Jones", null);

    NameAlignment n = cmp.names(full, other);
    assertEquals("", n.rule());
    int[] l = levels(full, other);
    assertEquals(Field.MISSING, family(l));
    assertEquals(Field.GIVEN_NAME.different(), given(l));
  }

  @Test
  void halfAMatchIsNoSplit() {
    // the family name agrees but nothing else of the field does: no split that invents a given-name agreement
    StandardRecord full = named("a", "Michael", "Gates");
    StandardRecord other = named("b", "Gates Zebedee", null);

    assertEquals("", cmp.names(full, other).rule());
  }

  @Test
  void aRecordWithOnlyAGivenNameThatAgreesIsLeftAlone() {
    StandardRecord full = named("a", "Michael", "Gates");
    StandardRecord givenOnly = named("b", "Michael", null);

    assertEquals("", cmp.names(full, givenOnly).rule());
    assertEquals(0, given(levels(full, givenOnly)));
  }

  @Test
  void completeRecordsAreComparedStraightOrSwappedAsBefore() {
    StandardRecord a = named("a", "Wei", "Zhang");
    assertEquals("", cmp.names(a, named("b", "Wei", "Zhang")).rule());
    NameAlignment swapped = cmp.names(a, named("c", "Zhang", "Wei"));
    assertTrue(swapped.swapped());
    assertEquals("/names-swapped", swapped.rule());
    assertFalse(cmp.names(a, named("d", null, null)).swapped());
  }

  /**
   * Properties over random names: the alignment is the same whichever record comes first; it never makes a name
   * field disagree that did not disagree as the fields stood; and a split always yields an agreeing name.
   */
  @Test
  void aSplitIsSymmetricAddsNoDisagreementAndAlwaysFindsAnAgreement() {
    List<String> words = List.of("ann", "lee", "gates", "michael", "mary", "jo", "t", "brown", "aidan", "aida",
        "peters", "smith", "smyth", "zhang", "wei", "m", "g");
    Random rnd = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      StandardRecord full = named("a", pick(words, rnd, 1 + rnd.nextInt(2)), pick(words, rnd, 1));
      String field = pick(words, rnd, 1 + rnd.nextInt(3));
      StandardRecord partial = rnd.nextBoolean() ? named("b", field, null) : named("b", null, field);

      int[] aligned = levels(full, partial);
      int[] straight = new int[Field.values().length];
      cmp.levels(full, partial, straightNames(full, partial), straight);
      assertTrue(disagreements(aligned) <= disagreements(straight),
          () -> full + " / " + partial + ": " + disagreements(straight) + " -> " + disagreements(aligned));
      if (!cmp.names(full, partial).rule().isEmpty()) {
        assertTrue(given(aligned) <= 2 || family(aligned) <= 1, () -> full + " / " + partial);
      }

      int[] reversed = levels(partial, full);
      assertEquals(given(aligned), given(reversed), () -> full + " / " + partial);
      assertEquals(family(aligned), family(reversed), () -> full + " / " + partial);
    }
  }

  private static NameAlignment straightNames(StandardRecord a, StandardRecord b) {
    return new NameAlignment(a.givenKey(), a.givenFirst(), a.familyKey(), b.givenKey(), b.givenFirst(),
        b.familyKey(), false, "");
  }

  private static int disagreements(int[] levels) {
    return (given(levels) == Field.GIVEN_NAME.different() ? 1 : 0)
        + (family(levels) == Field.FAMILY_NAME.different() ? 1 : 0);
  }

  private static String pick(List<String> words, Random rnd, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) s.append(i == 0 ? "" : " ").append(words.get(rnd.nextInt(words.size())));
    return s.toString();
  }
}
