package io.customerhub.coverage;

import io.customerhub.coverage.SourceCoverage.Combination;
import io.customerhub.coverage.SourceCoverage.SourceRecords;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceCoverageTest {

  private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

  private static SourceRecords persons(String source, long n) {
    return new SourceRecords(source, n, 0, 0, 0, 0, T, T.plusSeconds(60));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> source(Map<String, Object> report, String name) {
    for (Map<String, Object> s : (List<Map<String, Object>>) report.get("sources")) {
      if (s.get("source").equals(name)) return s;
    }
    throw new AssertionError("no source " + name + " in " + report);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> profiles(Map<String, Object> report) {
    return (Map<String, Object>) report.get("profiles");
  }

  @Test
  void eachSourceSaysWhichCustomersItSharesWithWhichOtherSource() {
    Map<String, Object> report = SourceCoverage.report(
        List.of(persons("crm", 12), persons("erp", 4), persons("app", 2),
            new SourceRecords("shop", 0, 0, 30, 1, 2, T, T)),
        List.of(new Combination(List.of("crm"), 4), new Combination(List.of("crm", "erp"), 3),
            new Combination(List.of("erp"), 1), new Combination(List.of("app", "crm"), 2)),
        Map.of("crm", 2L));

    Map<String, Object> crm = source(report, "crm");
    assertEquals(9L, crm.get("profiles"));
    assertEquals(4L, crm.get("profilesOnlyHere"));
    assertEquals(Map.of("app", 2L, "erp", 3L), crm.get("profilesSharedWith"));
    assertEquals(2L, crm.get("openReviewPairs"));
    assertEquals(T.toString(), crm.get("lastUpdatedAt"));
    assertEquals(T.plusSeconds(60).toString(), crm.get("lastStoredAt"));
    Map<String, Object> erp = source(report, "erp");
    assertEquals(4L, erp.get("profiles"));
    assertEquals(1L, erp.get("profilesOnlyHere"));
    assertEquals(Map.of("crm", 3L), erp.get("profilesSharedWith"));
    assertEquals(0L, erp.get("openReviewPairs"));
    // a source of orders only is part of no profile as an identity
    Map<String, Object> shop = source(report, "shop");
    assertEquals(0L, shop.get("profiles"));
    assertEquals(Map.of("persons", 0L, "organizations", 0L, "orders", 30L, "deleted", 1L, "erased", 2L),
        shop.get("records"));

    Map<String, Object> profiles = profiles(report);
    assertEquals(10L, profiles.get("active"));
    assertEquals(Map.of("1", 5L, "2", 5L), profiles.get("bySourceCount"));
    assertEquals(List.of(combination(List.of("crm"), 4), combination(List.of("crm", "erp"), 3),
        combination(List.of("app", "crm"), 2), combination(List.of("erp"), 1)), profiles.get("combinations"));
    assertEquals(false, profiles.get("combinationsTruncated"));
  }

  private static Map<String, Object> combination(List<String> sources, long profiles) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sources", sources);
    out.put("profiles", profiles);
    return out;
  }

  @Test
  void sourcesAreListedByNameAndOneKnownOnlyByItsReviewPairsOrProfilesIsListedToo() {
    Map<String, Object> report = SourceCoverage.report(List.of(persons("web", 1), persons("crm", 1)),
        List.of(new Combination(List.of("app"), 1)), Map.of("legacy", 3L));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sources = (List<Map<String, Object>>) report.get("sources");
    assertEquals(List.of("app", "crm", "legacy", "web"), sources.stream().map(s -> s.get("source")).toList());
    Map<String, Object> legacy = source(report, "legacy");
    assertEquals(3L, legacy.get("openReviewPairs"));
    assertEquals(0L, ((Map<?, ?>) legacy.get("records")).get("persons"));
    assertEquals(null, legacy.get("lastUpdatedAt"));
  }

  @Test
  void anEmptyHubReportsNothingWithoutFailing() {
    Map<String, Object> report = SourceCoverage.report(List.of(), List.of(), Map.of());
    assertEquals(List.of(), report.get("sources"));
    assertEquals(0L, profiles(report).get("active"));
    assertEquals(Map.of(), profiles(report).get("bySourceCount"));
  }

  @Test
  void theMostCommonCombinationsAreListedAndTheCountsBySourceNumberStillCoverAll() {
    List<Combination> many = new ArrayList<>();
    for (int i = 0; i < SourceCoverage.COMBINATIONS_LISTED + 20; i++) {
      many.add(new Combination(List.of("crm", "s" + i), i + 1));
    }
    many.add(new Combination(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), 1));

    Map<String, Object> profiles = profiles(SourceCoverage.report(List.of(), many, Map.of()));

    List<?> listed = (List<?>) profiles.get("combinations");
    assertEquals(SourceCoverage.COMBINATIONS_LISTED, listed.size());
    assertEquals(combination(List.of("crm", "s119"), 120), listed.get(0));
    assertEquals(true, profiles.get("combinationsTruncated"));
    Map<?, ?> bySourceCount = (Map<?, ?>) profiles.get("bySourceCount");
    assertEquals(List.of("2", "10"), new ArrayList<>(bySourceCount.keySet()), "in numeric order");
    assertEquals(120L * 121 / 2, bySourceCount.get("2"));
  }

  /** Whatever the combinations, the per-source figures agree with each other and with the totals. */
  @RepeatedTest(20)
  void theFiguresAgreeWithEachOther() {
    Random rnd = new Random();
    List<String> names = List.of("crm", "erp", "web", "app", "store");
    Map<List<String>, Long> byCombination = new HashMap<>();
    for (int i = rnd.nextInt(30); i > 0; i--) {
      TreeSet<String> set = new TreeSet<>();
      for (int k = 1 + rnd.nextInt(names.size()); k > 0; k--) set.add(names.get(rnd.nextInt(names.size())));
      byCombination.merge(List.copyOf(set), 1L + rnd.nextInt(1000), Long::sum);
    }
    List<Combination> combinations = new ArrayList<>();
    byCombination.forEach((sources, n) -> combinations.add(new Combination(sources, n)));

    Map<String, Object> report = SourceCoverage.report(List.of(), combinations, Map.of());

    long active = (Long) profiles(report).get("active");
    long alone = 0;
    for (String name : names) {
      if (combinations.stream().noneMatch(c -> c.sources().contains(name))) continue;
      Map<String, Object> s = source(report, name);
      alone += (Long) s.get("profilesOnlyHere");
      assertTrue((Long) s.get("profiles") <= active);
      Map<?, ?> shared = (Map<?, ?>) s.get("profilesSharedWith");
      assertFalse(shared.containsKey(name), "a source shares nothing with itself");
      for (Map.Entry<?, ?> e : shared.entrySet()) {
        Map<?, ?> back = (Map<?, ?>) source(report, (String) e.getKey()).get("profilesSharedWith");
        assertEquals(e.getValue(), back.get(name), "shared both ways");
        assertTrue((Long) e.getValue() <= (Long) s.get("profiles") - (Long) s.get("profilesOnlyHere"));
      }
    }
    Object single = ((Map<?, ?>) profiles(report).get("bySourceCount")).get("1");
    assertEquals(single == null ? 0L : single, alone);
  }

  @Test
  void completenessIsTheShareOfEachKindsRecordsThatGiveTheField() {
    List<SourceCoverage.Completeness> fields = List.of(
        new SourceCoverage.Completeness("crm", "person", 3, new long[] {3, 0, 2, 1, 0, 3, 0, 1}),
        new SourceCoverage.Completeness("crm", "organization", 4, new long[] {0, 4, 0, 0, 1, 0, 4, 4}),
        new SourceCoverage.Completeness("erp", "person", 0, new long[8]));

    Map<String, Object> report = SourceCoverage.report(List.of(persons("crm", 3), persons("erp", 0)), List.of(),
        Map.of(), fields);

    Map<?, ?> crm = (Map<?, ?>) source(report, "crm").get("completeness");
    Map<?, ?> persons = (Map<?, ?>) crm.get("persons");
    assertEquals(3L, persons.get("records"));
    assertEquals(1.0, persons.get("name"));
    assertEquals(0.6667, persons.get("birthDate"));
    assertEquals(0.3333, persons.get("nationalId"));
    assertEquals(0.0, persons.get("phones"));
    assertEquals(List.of("records", "name", "orgName", "birthDate", "nationalId", "taxId", "emails", "phones",
        "addresses"), List.copyOf(persons.keySet()));
    assertEquals(0.25, ((Map<?, ?>) crm.get("organizations")).get("taxId"));
    assertEquals(Map.of(), source(report, "erp").get("completeness"), "no records, no shares (no division by 0)");
    assertFalse(source(SourceCoverage.report(List.of(persons("crm", 3)), List.of(), Map.of()), "crm")
        .containsKey("completeness"), "only when asked for");
  }
}
