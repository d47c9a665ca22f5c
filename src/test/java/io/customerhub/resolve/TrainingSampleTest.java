package io.customerhub.resolve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSampleTest {

  @Test
  void everyRecordIsReadWhileTheyFit() {
    assertEquals(1.0, TrainingSample.fraction(0, 250_000));
    assertEquals(1.0, TrainingSample.fraction(250_000, 250_000));
    for (int i = 0; i < 1000; i++) assertTrue(TrainingSample.keeps("crm", "C-" + i, 1.0));
  }

  @Test
  void beyondTheLimitAboutTheLimitIsRead() {
    double fraction = TrainingSample.fraction(1_000_000, 250_000);
    assertEquals(0.25, fraction);
    int kept = 0;
    for (int i = 0; i < 200_000; i++) if (TrainingSample.keeps(i % 3 == 0 ? "erp" : "crm", "C-" + i, fraction)) kept++;
    assertEquals(50_000, kept, 1_000, "a quarter, within 2%");
  }

  @Test
  void theSampleIsTheSameEachTimeAndGrowsWithTheFraction() {
    for (int i = 0; i < 20_000; i++) {
      String id = "K" + i;
      boolean small = TrainingSample.keeps("crm", id, 0.1);
      assertEquals(small, TrainingSample.keeps("crm", id, 0.1), "the same draw");
      if (small) assertTrue(TrainingSample.keeps("crm", id, 0.3), "a bigger sample holds the smaller one");
    }
  }

  @Test
  void theSourceCountsSoThatOneIdInTwoSourcesIsDrawnApart() {
    int differ = 0;
    for (int i = 0; i < 10_000; i++) {
      if (TrainingSample.keeps("crm", "X" + i, 0.5) != TrainingSample.keeps("erp", "X" + i, 0.5)) differ++;
    }
    assertEquals(5_000, differ, 400, "independent draws disagree half the time");
  }
}
