package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;

import java.util.List;

/**
 * How two person records' names line up before they are compared field by field. Straight (given with given),
 * swapped (Wei Zhang against Zhang Wei), or combined: one record carries the whole name in one of its two name
 * fields and leaves the other empty ("gates michael" as the given name, "peters-schkirra" as the family name,
 * a form that put both names in one box) while the other record has both. The words of that one field are then
 * split into given and family name the way they best agree with the other record, as a person reading the two
 * records would; left as they are, the pair would compare a given name against a whole name and show no family
 * name at all, which is how such duplicates go unfound.
 *
 * <p>A split is taken only where both parts agree at least as SIMILAR with the other record's names and one of them
 * as NEAR (a single word only where it agrees as NEAR with the other field), and better than the fields as they
 * stand by a margin:
 * it can turn "no family name" into agreement, never disagreement into agreement it does not show.
 *
 * @param aGiven      a's given name as compared (space-free), or null
 * @param aGivenFirst its first word, or null
 * @param aFamily     a's family name as compared (space-free), or null
 * @param bGiven      likewise for b
 * @param bGivenFirst likewise for b
 * @param bFamily     likewise for b
 * @param swapped     b's two names are compared crosswise (for term frequencies: a name may be common in one role)
 * @param rule        the explanation's suffix for this alignment: "" when straight
 */
public record NameAlignment(String aGiven, String aGivenFirst, String aFamily, String bGiven, String bGivenFirst,
                            String bFamily, boolean swapped, String rule) {

  /** Cross-pairing must beat the straight one by this margin, so that "Lee Lee" is not read as swapped. */
  static final double MARGIN = 0.15;

  /** The names of the pair as compared, by the thresholds of {@code cfg}. */
  static NameAlignment of(StandardRecord a, StandardRecord b, MatchingConfig cfg) {
    if (swapped(a, b)) {
      return new NameAlignment(a.givenKey(), a.givenFirst(), a.familyKey(), b.familyKey(), b.familyKey(),
          b.givenKey(), true, "/names-swapped");
    }
    if (complete(a) && oneNameOnly(b)) {
      Parts split = split(b, a, cfg);
      if (split != null) {
        return new NameAlignment(a.givenKey(), a.givenFirst(), a.familyKey(), split.given(), split.givenFirst(),
            split.family(), false, "/names-combined");
      }
    } else if (complete(b) && oneNameOnly(a)) {
      Parts split = split(a, b, cfg);
      if (split != null) {
        return new NameAlignment(split.given(), split.givenFirst(), split.family(), b.givenKey(), b.givenFirst(),
            b.familyKey(), false, "/names-combined");
      }
    }
    return new NameAlignment(a.givenKey(), a.givenFirst(), a.familyKey(), b.givenKey(), b.givenFirst(),
        b.familyKey(), false, "");
  }

  /** True when given and family name agree better crosswise (Wei Zhang vs Zhang Wei). */
  static boolean swapped(StandardRecord a, StandardRecord b) {
    String ag = a.givenKey(), af = a.familyKey(), bg = b.givenKey(), bf = b.familyKey();
    if (ag == null || af == null || bg == null || bf == null) return false;
    if (ag.equals(bg) && af.equals(bf)) return false;
    double straight = Similarity.jaroWinkler(ag, bg) + Similarity.jaroWinkler(af, bf);
    // the crossed sum is at most 2: names this close as they stand cannot be the swapped ones
    if (straight + MARGIN >= 2.0) return false;
    double cross = Similarity.jaroWinkler(ag, bf) + Similarity.jaroWinkler(af, bg);
    return cross > straight + MARGIN;
  }

  private static boolean complete(StandardRecord r) {
    return r.givenKey() != null && r.familyKey() != null;
  }

  private static boolean oneNameOnly(StandardRecord r) {
    return (r.givenKey() == null) != (r.familyKey() == null);
  }

  /** A name split into given and family name; either may be null. */
  private record Parts(String given, String givenFirst, String family) {
  }

  /**
   * The words of {@code partial}'s one name field, split into given and family name as they best agree with
   * {@code full}'s; null when no split beats the field as it stands.
   */
  private static Parts split(StandardRecord partial, StandardRecord full, MatchingConfig cfg) {
    boolean hasGiven = partial.givenKey() != null;
    List<String> words = List.of((hasGiven ? partial.given() : partial.family()).split(" "));
    String whole = hasGiven ? partial.givenKey() : partial.familyKey();
    double asItStands = hasGiven ? similarity(whole, full.givenKey()) : similarity(whole, full.familyKey());
    Parts best = null;
    double bestScore = asItStands + MARGIN;
    // the whole field in the other name's place: a family name written in the given-name box
    double moved = hasGiven ? similarity(whole, full.familyKey()) : similarity(whole, full.givenKey());
    if (moved >= cfg.nameNear() && moved > bestScore) {
      best = hasGiven ? new Parts(null, null, whole) : new Parts(whole, words.get(0), null);
      bestScore = moved;
    }
    for (int cut = 1; cut < words.size(); cut++) {
      List<String> head = words.subList(0, cut), tail = words.subList(cut, words.size());
      String first = String.join("", head), second = String.join("", tail);
      for (boolean givenFirst : new boolean[] {true, false}) {
        String given = givenFirst ? first : second;
        String family = givenFirst ? second : first;
        double g = agreement(given, full.givenKey(), cfg);
        double f = agreement(family, full.familyKey(), cfg);
        // both parts like the other record's, one of them at least NEAR: a split anchored on a name
        if (g < cfg.nameSimilar() || f < cfg.nameSimilar() || Math.max(g, f) < cfg.nameNear() || g + f <= bestScore) {
          continue;
        }
        // a family-name initial says nothing either way: compared, it would count as another family name
        best = new Parts(given, givenFirst ? head.get(0) : tail.get(0), family.length() == 1 ? null : family);
        bestScore = g + f;
      }
    }
    return best;
  }

  /**
   * As {@link #similarity}, an initial for the name it begins counting as just SIMILAR ("t-benjamin"): enough to
   * place the other words, not to agree.
   */
  private static double agreement(String part, String name, MatchingConfig cfg) {
    double s = similarity(part, name);
    boolean initial = part.length() == 1 && name != null && name.charAt(0) == part.charAt(0);
    return initial ? Math.max(s, cfg.nameSimilar()) : s;
  }

  private static double similarity(String x, String y) {
    if (x == null || y == null) return 0;
    return x.equals(y) ? 1.0 : Similarity.jaroWinkler(x, y);
  }
}
