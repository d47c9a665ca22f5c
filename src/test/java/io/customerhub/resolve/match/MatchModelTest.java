package io.customerhub.resolve.match;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchModelTest {

  @Test
  void jsonRoundTripsEveryParameter() {
    MatchModel m = MatchModel.defaults();
    MatchModel back = MatchModel.fromJson(m.toJson());
    assertEquals(m.lambda(), back.lambda());
    assertEquals(m.note(), back.note());
    for (Field f : Field.values()) {
      for (int l = 0; l < f.levels().size(); l++) {
        assertEquals(m.m(f, l), back.m(f, l), 1e-15);
        assertEquals(m.u(f, l), back.u(f, l), 1e-15);
      }
    }
    assertEquals(m.toJson(), back.toJson());
  }

  @Test
  void defaultsRankLevelsFromAgreementToDisagreement() {
    MatchModel m = MatchModel.defaults();
    for (Field f : Field.values()) {
      assertTrue(m.weight(f, 0) > 0, f + " agreement counts for");
      assertTrue(m.weight(f, f.different()) < 0, f + " disagreement counts against");
      assertEquals(0.0, m.weight(f, Field.MISSING), "missing is neutral");
    }
  }

  @Test
  void foreignOrOutdatedJsonIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> MatchModel.fromJson("{\"version\": 99}"));
    String wrongLevels = MatchModel.defaults().toJson().replace("\"SWAPPED\"", "\"OTHER\"");
    assertThrows(IllegalArgumentException.class, () -> MatchModel.fromJson(wrongLevels));
  }

  @Test
  void aModelStoredBeforeALevelWasAddedKeepsWhatItLearned() {
    String stored = "{\"version\":1,\"lambda\":0.01,\"fields\":{\"birthDate\":{\"levels\":"
        + "[\"EXACT\",\"SWAPPED\",\"CLOSE\",\"YEAR\",\"DIFFERENT\"],"
        + "\"m\":[0.9,0.02,0.05,0.01,0.02],\"u\":[0.001,0.0001,0.004,0.02,0.9749]}}}";
    MatchModel m = MatchModel.fromJson(stored);
    Field dates = Field.BIRTH_DATE;
    double newLevelPrior = MatchModel.defaults().m(dates, dates.levels().indexOf("TWO_PARTS"));
    double sum = 1.0 + newLevelPrior;
    assertEquals(0.9 / sum, m.m(dates, 0), 1e-9);
    assertEquals(0.02 / sum, m.m(dates, dates.different()), 1e-9);
    assertEquals(newLevelPrior / sum, m.m(dates, dates.levels().indexOf("TWO_PARTS")), 1e-9);
    assertTrue(m.weight(dates, dates.different()) < 0);
    assertTrue(m.predatesLevels(), "learned again at the next look");
    assertFalse(MatchModel.fromJson(MatchModel.defaults().toJson()).predatesLevels());
  }

  @Test
  void missingFieldsKeepTheirDefaults() {
    MatchModel m = MatchModel.fromJson("{\"version\":1,\"lambda\":0.2,\"fields\":{}}");
    assertTrue(m.predatesLevels(), "a model without a field the code compares is learned again at the next look");
    assertEquals(0.2, m.lambda(), 1e-12);
    assertEquals(MatchModel.defaults().m(Field.EMAIL, 0), m.m(Field.EMAIL, 0), 1e-12);
    assertEquals(List.of("EXACT", "ONE_EDIT", "DIFFERENT"), Field.byKey("email").levels());
  }
}
