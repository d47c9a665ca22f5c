package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmTrainerTest {

  private static List<StandardRecord> data(int n, long seed) {
    Standardizer std = new Standardizer();
    return new SyntheticCustomers(seed).generate(n, 0.2).stream().map(l -> std.standardize(l.record())).toList();
  }

  /** Eleven fields of three bits are more than an int holds: a pattern code is a long, never -1 ("no pattern"). */
  @Test
  void patternCodesHoldEveryLevelOfEveryField() {
    Field[] fields = Field.values();
    for (int worst = 0; worst < 2; worst++) {
      int[] levels = new int[fields.length];
      for (Field f : fields) levels[f.ordinal()] = worst == 0 ? f.different() : Field.MISSING;
      long code = EmSession.encode(levels);
      assertTrue(code >= 0, Long.toString(code));
      assertArrayEquals(levels, EmSession.decode(code));
    }
    int[] mixed = new int[fields.length];
    for (Field f : fields) mixed[f.ordinal()] = f.ordinal() % f.levels().size();
    assertArrayEquals(mixed, EmSession.decode(EmSession.encode(mixed)));
  }

  @Test
  void theRulesTwoRecordsMeetUnderAreEachNamedOnce() {
    EmTrainer.RuleCodes codes = new EmTrainer.RuleCodes();
    long[] a = codes.of(List.of("ny:z|w:1990", "dn:wei:1990-05", "em:wei", "ny:w|z:1990", "sn:renminrd", "tel"));
    long[] b = codes.of(List.of("dn:wei:1990-07", "em:wei", "ny:w|z:1990", "ny:z|w:1990", "tel"));

    assertEquals(List.of("em", "ny", "tel"), rules(codes, EmTrainer.RuleCodes.shared(a, b)));
    assertEquals(List.of(), rules(codes, EmTrainer.RuleCodes.shared(a, codes.of(List.of("dn:wei:1990-06")))));
    assertEquals(List.of(), rules(codes, EmTrainer.RuleCodes.shared(a, codes.of(List.of()))));
  }

  private static List<String> rules(EmTrainer.RuleCodes codes, long shared) {
    List<String> out = new java.util.ArrayList<>();
    for (int id = 0; id < 64; id++) if ((shared & (1L << id)) != 0) out.add(codes.rule(id));
    return out.stream().sorted().toList();
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

  /**
   * Five records of each of 150 customers make one random pair in 190 a match: counted as non-matches they
   * would make a shared birth date look a hundred times as common as it is among different people. u must stay
   * near what the customers alone give.
   */
  @Test
  void manyRecordsPerCustomerDoNotMakeAgreementLookCommon() {
    Standardizer std = new Standardizer();
    List<SyntheticCustomers.Labeled> customers = new SyntheticCustomers(3).generate(150, 0.0);
    List<StandardRecord> once = customers.stream().map(l -> std.standardize(l.record())).toList();
    List<StandardRecord> fiveTimes = new java.util.ArrayList<>();
    for (SyntheticCustomers.Labeled l : customers) {
      for (int copy = 0; copy < 5; copy++) {
        io.customerhub.record.CanonicalRecord r = l.record();
        fiveTimes.add(std.standardize(new io.customerhub.record.CanonicalRecord(
            new io.customerhub.record.SourceKey(r.key().source(), r.key().sourceId() + "-" + copy), r.kind(),
            r.updatedAt(), false, r.givenName(), r.familyName(), r.fullName(), r.orgName(), r.taxId(),
            r.nationalId(), r.birthDate(), r.emails(), r.phones(), r.addresses(), List.of(), r.attributes(), null)));
      }
    }
    MatchingConfig cfg = MatchingConfig.defaults();
    double alone = EmTrainer.train(once, cfg, 5).u(Field.BIRTH_DATE, 0);
    double dense = EmTrainer.train(fiveTimes, cfg, 5).u(Field.BIRTH_DATE, 0);
    assertTrue(dense < alone * 3, "u(birth date EXACT) " + dense + " with five records per customer, " + alone + " with one");
  }

  /**
   * A pair a key brought together agrees on the fields the key is made of whether it is a match or not: EM learns
   * nothing about those fields from it (an address key would make address agreement look like every match's).
   */
  @Test
  void everyKindOfKeyLeavesOutTheFieldsItIsMadeOf() {
    for (String addressKey : List.of("sn", "sw", "np", "dp", "dc", "pi", "pn")) {
      assertTrue(EmTrainer.excluded(addressKey).contains(Field.ADDRESS), addressKey);
    }
    for (String nameKey : List.of("nk", "ny", "ns", "di", "ds", "dn", "pi", "pn", "el")) {
      assertTrue(EmTrainer.excluded(nameKey).contains(Field.FAMILY_NAME), nameKey);
    }
    assertTrue(EmTrainer.excluded("nid").contains(Field.NATIONAL_ID));
  }

  @Test
  void trainingIsDeterministicForASeed() {
    List<StandardRecord> rs = data(1500, 2);
    assertEquals(EmTrainer.train(rs, MatchingConfig.defaults(), 7).toJson(),
        EmTrainer.train(rs, MatchingConfig.defaults(), 7).toJson());
  }

  /**
   * Training compares its pairs on every core: the model must not depend on how many there are, nor on how the
   * ranges were scheduled, also when the candidate pairs are sampled.
   */
  @Test
  void theModelIsTheSameOnOneThreadAndOnMany() throws Exception {
    List<StandardRecord> rs = data(6000, 4);
    MatchingConfig d = MatchingConfig.defaults();
    MatchingConfig sampled = new MatchingConfig(d.standardizer(), d.maxBlockSize(), d.blockWindow(),
        d.mergeProbability(), d.reviewProbability(), d.nameNear(), d.nameSimilar(), d.tfMinimum(),
        d.maxClusterSize(), d.maxIterations(), 30_000, 5_000, d.maxTrainingRecords(), d.nicknames(),
        d.surnames());
    for (MatchingConfig cfg : List.of(d, sampled)) {
      assertEquals(trainedOn(1, rs, cfg), trainedOn(4, rs, cfg));
    }
  }

  private static String trainedOn(int threads, List<StandardRecord> rs, MatchingConfig cfg) throws Exception {
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
    try {
      return pool.submit(() -> EmTrainer.train(rs, cfg, 9).toJson()).get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void tinyOrEmptyDataFallsBackTowardsTheDefaults() {
    MatchModel empty = EmTrainer.train(List.of(), MatchingConfig.defaults(), 1);
    assertEquals(MatchModel.defaults().m(Field.EMAIL, 0), empty.m(Field.EMAIL, 0), 1e-9);
    MatchModel tiny = EmTrainer.train(List.of(Fixtures.weiZhang("a"), Fixtures.weiZhang("b")), MatchingConfig.defaults(), 1);
    assertTrue(tiny.weight(Field.NATIONAL_ID, 0) > 5);
  }
}
