package io.customerhub.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the sources cover the customers: per source, the records it holds and the profiles it takes part in, alone or
 * with which other sources; per number of sources, how many profiles. What a data team asks a hub first ("how many of
 * the CRM's contacts does the ERP know?"), and what shows a source that stopped sending (its last record's age) or
 * whose records stopped meeting the others' (its profiles shared with no other source). Pure: built from the
 * counts {@link CoverageQueries} reads.
 */
public final class SourceCoverage {

  /** Combinations listed in the answer, the most common first; the counts by number of sources cover all. */
  static final int COMBINATIONS_LISTED = 100;

  /**
   * A source's stored records: current ones by kind, deleted ones (erased ones apart), the newest {@code updatedAt}
   * it gave, and when the hub last stored a new or changed record of it (a record sent again unchanged stores
   * nothing); null when it has none.
   */
  public record SourceRecords(String source, long persons, long organizations, long orders, long deleted, long erased,
                              Instant lastUpdatedAt, Instant lastStoredAt) {
  }

  /** The fields whose completeness is reported, as the canonical record names them ({@code name}: any name part). */
  static final List<String> FIELDS = List.of("name", "orgName", "birthDate", "nationalId", "taxId", "emails", "phones",
      "addresses");

  /** Of a source's current records of one kind, how many give each of {@link #FIELDS} (same order). */
  public record Completeness(String source, String kind, long records, long[] giving) {
  }

  /** How many active profiles have their records from exactly {@code sources} (sorted, distinct). */
  public record Combination(List<String> sources, long profiles) {
  }

  private SourceCoverage() {
  }

  /**
   * The answer of {@code GET /api/v1/sources}: {@code sources} (one entry per source, by name) and
   * {@code profiles} (active ones, by how many sources they combine, and the most common combinations).
   */
  public static Map<String, Object> report(List<SourceRecords> records, List<Combination> combinations,
                                           Map<String, Long> openReviewPairs) {
    return report(records, combinations, openReviewPairs, null);
  }

  /**
   * The same with, per source, the share of its persons and of its organizations that give each field (when
   * {@code completeness} is not null): which source to trust for birth dates, which one never sends a phone.
   */
  public static Map<String, Object> report(List<SourceRecords> records, List<Combination> combinations,
                                           Map<String, Long> openReviewPairs, List<Completeness> completeness) {
    TreeSet<String> names = new TreeSet<>();
    records.forEach(r -> names.add(r.source()));
    combinations.forEach(c -> names.addAll(c.sources()));
    openReviewPairs.keySet().forEach(names::add);
    Map<String, SourceRecords> bySource = new TreeMap<>();
    records.forEach(r -> bySource.put(r.source(), r));

    List<Map<String, Object>> sources = new ArrayList<>();
    for (String name : names) {
      long openPairs = openReviewPairs.getOrDefault(name, 0L);
      Map<String, Object> source = source(name, bySource.get(name), combinations, openPairs);
      if (completeness != null) source.put("completeness", completeness(name, completeness));
      sources.add(source);
    }
    return Map.of("sources", sources, "profiles", profiles(combinations));
  }

  private static Map<String, Object> source(String name, SourceRecords r, List<Combination> combinations,
                                            long openPairs) {
    long profiles = 0, alone = 0;
    Map<String, Long> sharedWith = new TreeMap<>();
    for (Combination c : combinations) {
      if (!c.sources().contains(name)) continue;
      profiles += c.profiles();
      if (c.sources().size() == 1) alone += c.profiles();
      for (String other : c.sources()) {
        if (!other.equals(name)) sharedWith.merge(other, c.profiles(), Long::sum);
      }
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("persons", r == null ? 0 : r.persons());
    counts.put("organizations", r == null ? 0 : r.organizations());
    counts.put("orders", r == null ? 0 : r.orders());
    counts.put("deleted", r == null ? 0 : r.deleted());
    counts.put("erased", r == null ? 0 : r.erased());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", name);
    out.put("records", counts);
    out.put("lastUpdatedAt", r == null || r.lastUpdatedAt() == null ? null : r.lastUpdatedAt().toString());
    out.put("lastStoredAt", r == null || r.lastStoredAt() == null ? null : r.lastStoredAt().toString());
    out.put("profiles", profiles);
    out.put("profilesOnlyHere", alone);
    out.put("profilesSharedWith", sharedWith);
    out.put("openReviewPairs", openPairs);
    return out;
  }

  /**
   * {@code {"persons": {"records": n, "name": share, …}, "organizations": {…}}} for the kinds the source has; a share
   * is the fraction of those records giving the field, to four places.
   */
  private static Map<String, Object> completeness(String source, List<Completeness> all) {
    Map<String, Object> out = new TreeMap<>();
    for (Completeness c : all) {
      if (!c.source().equals(source) || c.records() == 0) continue;
      Map<String, Object> shares = new LinkedHashMap<>();
      shares.put("records", c.records());
      for (int i = 0; i < FIELDS.size(); i++) {
        shares.put(FIELDS.get(i), Math.round(10_000.0 * c.giving()[i] / c.records()) / 10_000.0);
      }
      out.put("organization".equals(c.kind()) ? "organizations" : "persons", shares);
    }
    return out;
  }

  private static Map<String, Object> profiles(List<Combination> combinations) {
    long active = 0;
    Map<String, Long> bySourceCount = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
    for (Combination c : combinations) {
      active += c.profiles();
      bySourceCount.merge(Integer.toString(c.sources().size()), c.profiles(), Long::sum);
    }
    List<Combination> common = new ArrayList<>(combinations);
    // the most common first; equal counts in the order of their source lists, so that the answer is stable
    common.sort(Comparator.comparingLong(Combination::profiles).reversed()
        .thenComparing(c -> String.join("\u0000", c.sources())));
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Combination c : common.subList(0, Math.min(COMBINATIONS_LISTED, common.size()))) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("sources", c.sources());
      one.put("profiles", c.profiles());
      listed.add(one);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("active", active);
    out.put("bySourceCount", bySourceCount);
    out.put("combinations", listed);
    out.put("combinationsTruncated", common.size() > COMBINATIONS_LISTED);
    return out;
  }
}
