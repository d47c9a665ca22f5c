package io.customerhub.generate;

import io.customerhub.record.SourceKey;
import io.customerhub.profile.Normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How often a profile's golden values are the customer's real ones, the yardstick of survivorship as pairwise F1
 * is of matching. Judged over the profiles of two records or more (a single record's values are simply its own),
 * each against the real-world entity most of its records belong to; and separately over those whose records
 * disagree on the attribute (two spellings, two dates), where survivorship really had to choose. Spellings are
 * compared as latin letters and digits (张伟 is Zhang Wei, case and punctuation aside), dates by their first ten
 * characters, ids without punctuation.
 */
public final class GoldenAccuracy {

  /** The attributes judged, in output order. */
  public static final List<String> ATTRIBUTES = List.of("givenName", "familyName", "fullName", "birthDate", "nationalId",
      "taxId");

  private GoldenAccuracy() {
  }

  /**
   * One attribute's figures.
   *
   * @param profiles       profiles of 2+ records of a known entity, any of whose records has the attribute
   * @param right          of those, the ones whose golden value is the entity's real one
   * @param contested      profiles whose records give two or more different values
   * @param contestedRight of those, the ones whose golden value is the real one
   */
  public record Row(String attribute, int profiles, int right, int contested, int contestedRight) {

    public double share() {
      return profiles == 0 ? 1 : (double) right / profiles;
    }

    public double contestedShare() {
      return contested == 0 ? 1 : (double) contestedRight / contested;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-12s %6.2f%% right of %,d; where the records disagreed %6.2f%% of %,d",
          attribute, 100 * share(), profiles, 100 * contestedShare(), contested);
    }
  }

  /**
   * @param truth      identity record → its real entity
   * @param crosswalk  identity record → its profile
   * @param identities entity → what is true of it (entities without one are not judged)
   * @param members    identity record → its values of {@link #ATTRIBUTES} as loaded (absent or null: none)
   * @param golden     profile → its golden values of {@link #ATTRIBUTES}
   */
  public static List<Row> measure(Map<SourceKey, String> truth, Map<SourceKey, String> crosswalk,
                                  Map<String, TrueIdentity> identities, Map<SourceKey, Map<String, String>> members,
                                  Map<String, Map<String, String>> golden) {
    Map<String, List<SourceKey>> byProfile = new TreeMap<>();
    crosswalk.forEach((record, profile) -> {
      if (truth.containsKey(record)) byProfile.computeIfAbsent(profile, p -> new ArrayList<>()).add(record);
    });
    int[][] counts = new int[ATTRIBUTES.size()][4];
    byProfile.forEach((profile, records) -> {
      if (records.size() < 2) return;
      TrueIdentity real = identities.get(majority(records, truth));
      if (real == null) return;
      Map<String, String> chosen = golden.getOrDefault(profile, Map.of());
      for (int a = 0; a < ATTRIBUTES.size(); a++) {
        String attribute = ATTRIBUTES.get(a);
        Set<String> given = new HashSet<>();
        for (SourceKey r : records) {
          String v = members.getOrDefault(r, Map.of()).get(attribute);
          if (v != null && !form(attribute, v).isEmpty()) given.add(form(attribute, v));
        }
        if (given.isEmpty()) continue;
        boolean right = right(attribute, chosen.get(attribute), real);
        counts[a][0]++;
        if (right) counts[a][1]++;
        if (given.size() > 1) {
          counts[a][2]++;
          if (right) counts[a][3]++;
        }
      }
    });
    List<Row> rows = new ArrayList<>();
    for (int a = 0; a < ATTRIBUTES.size(); a++) {
      rows.add(new Row(ATTRIBUTES.get(a), counts[a][0], counts[a][1], counts[a][2], counts[a][3]));
    }
    return rows;
  }

  /** Whether {@code value} is the entity's real value of {@code attribute}. */
  static boolean right(String attribute, String value, TrueIdentity real) {
    if (value == null) return false;
    String v = form(attribute, value);
    List<String> accepted = switch (attribute) {
      case "givenName" -> real.givenNames();
      case "familyName" -> real.familyNames();
      case "fullName" -> real.fullNames();
      case "birthDate" -> nullable(real.birthDate());
      case "nationalId" -> nullable(real.nationalId());
      case "taxId" -> nullable(real.taxId());
      default -> throw new IllegalArgumentException("not judged: " + attribute);
    };
    for (String a : accepted) if (form(attribute, a).equals(v)) return true;
    return false;
  }

  /** The form two values are compared in: the profile's own for ids, names as latin letters in any order of parts. */
  static String form(String attribute, String value) {
    if (attribute.equals("birthDate")) return value.strip().substring(0, Math.min(10, value.strip().length()));
    return attribute.endsWith("Name") ? Normalize.name(value) : Normalize.form(attribute, value);
  }

  /** The entity most of {@code records} belong to; the smallest id among equals, so that ties are stable. */
  private static String majority(List<SourceKey> records, Map<SourceKey, String> truth) {
    Map<String, Integer> votes = new HashMap<>();
    for (SourceKey r : records) votes.merge(truth.get(r), 1, Integer::sum);
    String best = null;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (best == null || e.getValue() > votes.get(best) || e.getValue().equals(votes.get(best))
          && e.getKey().compareTo(best) < 0) {
        best = e.getKey();
      }
    }
    return best;
  }

  private static List<String> nullable(String value) {
    return value == null ? List.of() : List.of(value);
  }
}
