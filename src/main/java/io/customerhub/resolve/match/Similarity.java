package io.customerhub.resolve.match;

/**
 * String similarities on short standardized values, written for the scoring hot path: no allocation for values
 * of up to 64 characters (two small arrays beyond), early exits on equal strings and on distance bounds.
 */
public final class Similarity {

  private Similarity() {
  }

  /**
   * Jaro-Winkler similarity in [0, 1]: the usual prefix scale 0.1 over at most 4 characters, applied when
   * the Jaro similarity reaches 0.7 (Winkler's boost threshold, as in commons-text).
   */
  public static double jaroWinkler(String a, String b) {
    if (a.equals(b)) return 1.0;
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) return 0.0;
    if (la > 64 || lb > 64) return jaroWinklerLong(a, b);
    // names, e-mails and streets fit in 64 characters: which characters matched is kept in two longs
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    long ma = 0;
    long mb = 0;
    int matches = 0;
    for (int i = 0; i < la; i++) {
      char c = a.charAt(i);
      int to = Math.min(lb - 1, i + window);
      for (int j = Math.max(0, i - window); j <= to; j++) {
        if ((mb & (1L << j)) == 0 && b.charAt(j) == c) {
          ma |= 1L << i;
          mb |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) return 0.0;
    int transpositions = 0;
    // the k-th matched character of a against the k-th matched character of b
    for (long x = ma, y = mb; x != 0; x &= x - 1, y &= y - 1) {
      if (a.charAt(Long.numberOfTrailingZeros(x)) != b.charAt(Long.numberOfTrailingZeros(y))) transpositions++;
    }
    return winkler(a, b, matches, transpositions);
  }

  /** The same with arrays, for values longer than 64 characters. */
  private static double jaroWinklerLong(String a, String b) {
    int la = a.length();
    int lb = b.length();
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    boolean[] ma = new boolean[la];
    boolean[] mb = new boolean[lb];
    int matches = 0;
    for (int i = 0; i < la; i++) {
      char c = a.charAt(i);
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!mb[j] && b.charAt(j) == c) {
          ma[i] = true;
          mb[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) return 0.0;
    int transpositions = 0;
    for (int i = 0, j = 0; i < la; i++) {
      if (!ma[i]) continue;
      while (!mb[j]) j++;
      if (a.charAt(i) != b.charAt(j)) transpositions++;
      j++;
    }
    return winkler(a, b, matches, transpositions);
  }

  private static double winkler(String a, String b, int matches, int transpositions) {
    int la = a.length();
    int lb = b.length();
    double m = matches;
    double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    if (jaro < 0.7) return jaro;
    int prefix = 0;
    for (int i = 0; i < Math.min(4, Math.min(la, lb)) && a.charAt(i) == b.charAt(i); i++) prefix++;
    return jaro + prefix * 0.1 * (1.0 - jaro);
  }

  /**
   * Optimal-string-alignment distance (Levenshtein plus adjacent transposition, the commonest typo), or
   * {@code max + 1} as soon as the distance is known to exceed {@code max}.
   */
  public static int editDistance(String a, String b, int max) {
    if (a.equals(b)) return 0;
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > max) return max + 1;
    if (max <= 1) return max == 1 && oneEdit(a, b) ? 1 : max + 1;
    int[] prev2 = new int[lb + 1];
    int[] prev = new int[lb + 1];
    int[] cur = new int[lb + 1];
    for (int j = 0; j <= lb; j++) prev[j] = j;
    for (int i = 1; i <= la; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= lb; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) return max + 1;
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[lb], max + 1);
  }

  /**
   * Whether two different strings are one edit apart (a substitution, an insertion or deletion, or two adjacent
   * letters swapped): the question emails and phones ask for every candidate pair, answered in one pass.
   */
  private static boolean oneEdit(String a, String b) {
    int la = a.length(), lb = b.length();
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) i++;
    if (la == lb) {
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) return true; // one substitution
      return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    // one letter more in the longer string, at the first difference
    return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
  }

  /** Share of tokens in common (Jaccard) between two space-separated token strings. */
  public static double tokenOverlap(java.util.List<String> a, java.util.List<String> b) {
    if (a.isEmpty() || b.isEmpty()) return 0.0;
    int common = 0;
    for (String x : a) {
      for (String y : b) {
        if (x.equals(y)) {
          common++;
          break;
        }
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
