package io.customerhub.upkeep;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestPaceTest {

  @Test
  void aLookWithNothingLinkedSinceTheLastIsQuietButTheFirstLookIsNot() {
    IngestPace pace = new IngestPace(0, 5);
    assertFalse(pace.quiet(0), "the first look has nothing to compare with");
    assertTrue(pace.quiet(0));
    assertFalse(pace.quiet(1000), "a bulk load");
    assertTrue(pace.quiet(1000), "the load is over");
  }

  @Test
  void aTrickleCountsAsQuietOnceItLastedItsLooksAndThenOnlyEveryThatManyLooks() {
    IngestPace pace = new IngestPace(10, 3);
    pace.quiet(0);
    List<Boolean> looks = new ArrayList<>();
    for (int i = 1; i <= 9; i++) looks.add(pace.quiet(i * 4));
    assertEquals(List.of(false, false, true, false, false, true, false, false, true), looks);
  }

  @Test
  void aBurstStartsTheTrickleAgain() {
    IngestPace pace = new IngestPace(10, 3);
    pace.quiet(0);
    assertFalse(pace.quiet(5));
    assertFalse(pace.quiet(10));
    assertFalse(pace.quiet(500), "a batch");
    assertFalse(pace.quiet(505));
    assertFalse(pace.quiet(510));
    assertTrue(pace.quiet(515));
  }

  @Test
  void withoutATrickleRateOnlySilenceIsQuiet() {
    IngestPace pace = new IngestPace(0, 1);
    pace.quiet(0);
    for (int i = 1; i < 100; i++) assertFalse(pace.quiet(i));
  }

  @Test
  void theSettingsGiveARatePerLookAndLooksPerTrickle() {
    IngestPace pace = IngestPace.of(20, 6, 2); // 40 records a look, three looks
    pace.quiet(0);
    assertFalse(pace.quiet(40));
    assertFalse(pace.quiet(80));
    assertTrue(pace.quiet(120));
    IngestPace everyLook = IngestPace.of(20, 0, 0); // nonsense settings still make a pace
    everyLook.quiet(0);
    assertTrue(everyLook.quiet(20));
  }

  /** Property: whatever the counts, never two trickle-quiet looks closer than the trickle's length. */
  @Test
  void trickleQuietLooksAreAtLeastATrickleApart() {
    Random random = new Random(7);
    for (int run = 0; run < 200; run++) {
      int looks = 1 + random.nextInt(6);
      IngestPace pace = new IngestPace(10, looks);
      double count = 0;
      pace.quiet(count);
      int sinceQuiet = Integer.MAX_VALUE / 2;
      for (int i = 0; i < 300; i++) {
        double added = 1 + random.nextInt(random.nextBoolean() ? 10 : 40);
        count += added;
        boolean quiet = pace.quiet(count);
        sinceQuiet++;
        if (quiet) {
          assertTrue(added <= 10, "only a trickle's look can be quiet here");
          assertTrue(sinceQuiet >= looks, "quiet again after " + sinceQuiet + " looks of " + looks);
          sinceQuiet = 0;
        }
      }
    }
  }
}
