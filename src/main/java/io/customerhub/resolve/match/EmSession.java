package io.customerhub.resolve.match;

import java.util.Map;
import java.util.Set;

/**
 * One run of expectation-maximisation over comparison patterns (level vectors with their pair counts;
 * millions of pairs collapse into a few hundred patterns). u is fixed; m of the fields not excluded and
 * lambda are re-estimated until they move less than the tolerance.
 */
final class EmSession {

  private static final Field[] FIELDS = Field.values();

  private final int[][] patterns;
  private final double[] counts;
  private final Set<Field> excluded;
  private final double[][] m;
  private final double[][] prior;
  private final double[][] u;
  private final double[][] uPrior;
  private final double priorMatches;
  private final double[] posterior;
  private double lambda = 0.1;
  private long pairs;

  EmSession(Map<Long, Integer> patternCounts, Set<Field> excluded, double[][] m, double[][] u, double priorMatches) {
    this.patterns = new int[patternCounts.size()][];
    this.counts = new double[patternCounts.size()];
    int i = 0;
    for (Map.Entry<Long, Integer> e : patternCounts.entrySet()) {
      patterns[i] = decode(e.getKey());
      counts[i] = e.getValue();
      pairs += e.getValue();
      i++;
    }
    this.excluded = excluded;
    this.m = m;
    this.prior = new double[m.length][];
    for (int f = 0; f < m.length; f++) prior[f] = m[f].clone();
    this.u = new double[u.length][];
    this.uPrior = u;
    for (int f = 0; f < u.length; f++) this.u[f] = u[f].clone();
    this.priorMatches = priorMatches;
    this.posterior = new double[patterns.length];
  }

  /**
   * Runs to convergence; {@code updateParameters} false re-estimates lambda only. Within a session u is
   * re-estimated too: the non-matches of a block are not random pairs (namesakes share more than strangers),
   * and a u that knows it keeps them out of m. Only m leaves the session. Returns the iterations used.
   */
  int run(int maxIterations, double tolerance, boolean updateParameters) {
    if (pairs == 0) return 0;
    for (int it = 1; it <= maxIterations; it++) {
      double matched = expectation();
      double change = Math.abs(matched / pairs - lambda);
      lambda = Math.min(0.999, Math.max(1e-6, matched / pairs));
      if (updateParameters) {
        change = Math.max(change, maximisation(m, prior, priorMatches, true));
        maximisation(u, uPrior, priorMatches, false);
      }
      if (change < tolerance) return it;
    }
    return maxIterations;
  }

  private double expectation() {
    double matched = 0;
    double logPrior = Math.log(lambda) - Math.log(1 - lambda);
    for (int p = 0; p < patterns.length; p++) {
      double logOdds = logPrior;
      for (Field f : FIELDS) {
        int l = patterns[p][f.ordinal()];
        if (l == Field.MISSING || excluded.contains(f)) continue;
        logOdds += Math.log(m[f.ordinal()][l]) - Math.log(u[f.ordinal()][l]);
      }
      posterior[p] = 1.0 / (1.0 + Math.exp(-logOdds));
      matched += posterior[p] * counts[p];
    }
    return matched;
  }

  /** Re-estimates m (from the match posterior) or u (from its complement), smoothed towards a prior. */
  private double maximisation(double[][] target, double[][] priorValues, double priorWeight, boolean matches) {
    double change = 0;
    for (Field f : FIELDS) {
      if (excluded.contains(f)) continue;
      int i = f.ordinal();
      double[] sum = new double[target[i].length];
      double total = 0;
      for (int p = 0; p < patterns.length; p++) {
        int l = patterns[p][i];
        if (l == Field.MISSING) continue;
        double w = (matches ? posterior[p] : 1 - posterior[p]) * counts[p];
        sum[l] += w;
        total += w;
      }
      for (int l = 0; l < sum.length; l++) {
        double next = (sum[l] + priorWeight * priorValues[i][l]) / (total + priorWeight);
        change = Math.max(change, Math.abs(next - target[i][l]));
        target[i][l] = Math.max(1e-9, next);
      }
    }
    return change;
  }

  /** Expected number of matches among the pairs where the field is not missing. */
  double matchMass(Field f) {
    double mass = 0;
    for (int p = 0; p < patterns.length; p++) {
      if (patterns[p][f.ordinal()] != Field.MISSING) mass += posterior[p] * counts[p];
    }
    return mass;
  }

  double lambda() {
    return lambda;
  }

  double[][] m() {
    return m;
  }

  Set<Field> excluded() {
    return excluded;
  }

  long pairs() {
    return pairs;
  }

  /** Bits per field: level + 1, so that MISSING (-1) is 0; a field has at most seven levels. */
  private static final int BITS = 3;

  static {
    // a long holds every field's level; never negative, since -1 means "no pattern" to the trainer
    if (FIELDS.length * BITS > Long.SIZE - 1) throw new IllegalStateException("too many fields for a pattern code");
    for (Field f : FIELDS) {
      if (f.levels().size() >= 1 << BITS) throw new IllegalStateException(f.key() + " has too many levels");
    }
  }

  static long encode(int[] levels) {
    long code = 0;
    for (int i = levels.length - 1; i >= 0; i--) code = (code << BITS) | (levels[i] + 1);
    return code;
  }

  static int[] decode(long code) {
    int[] levels = new int[FIELDS.length];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = (int) (code & ((1 << BITS) - 1)) - 1;
      code >>>= BITS;
    }
    return levels;
  }
}
