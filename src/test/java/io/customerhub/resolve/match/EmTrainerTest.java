package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmTrainerTest {

  private static List<StandardRecord> data(int n, long seed) {
    Standardizer std = new Standardizer();
    return new SyntheticCustomers(seed).generate(n, 0.2).stream().map(l -> std.standardize(l.record())).toList();
  }

  @Test
  void learnsParametersThatSeparateMatchesFromTheDataAlone() {
    MatchModel m = EmTrainer.train(data(3000, 1), MatchingConfig.defaults(), 42);
    for (Field f : List.of(Field.FAMILY_NAME, Field.GIVEN_NAME, Field.BIRTH_DATE, Field.NATIONAL_ID, Field.PHONE)) {
      assertTrue(m.m(f, 0) > 0.5, f + " m(EXACT) " + m.m(f, 0));
      assertTrue(m.u(f, f.different()) > 0.9, f + " u(DIFFERENT) " + m.u(f, f.different()));
      assertTrue(m.weight(f, 0) > m.weight(f, f.different()) + 5, f.key());
    }
    assertTrue(m.lambda() > 0 && m.lambda() < 0.5, "lambda " + m.lambda());
    assertTrue(m.note().startsWith("em seed=42"), m.note());
  }

  @Test
  void trainingIsDeterministicForASeed() {
    List<StandardRecord> rs = data(1500, 2);
    assertEquals(EmTrainer.train(rs, MatchingConfig.defaults(), 7).toJson(),
        EmTrainer.train(rs, MatchingConfig.defaults(), 7).toJson());
  }

  @Test
  void tinyOrEmptyDataFallsBackTowardsTheDefaults() {
    MatchModel empty = EmTrainer.train(List.of(), MatchingConfig.defaults(), 1);
    assertEquals(MatchModel.defaults().m(Field.EMAIL, 0), empty.m(Field.EMAIL, 0), 1e-9);
    MatchModel tiny = EmTrainer.train(List.of(Fixtures.weiZhang("a"), Fixtures.weiZhang("b")), MatchingConfig.defaults(), 1);
    assertTrue(tiny.weight(Field.NATIONAL_ID, 0) > 5);
  }
}
