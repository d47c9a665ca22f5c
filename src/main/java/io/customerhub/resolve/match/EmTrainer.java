package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.support.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unsupervised estimation of a {@link MatchModel} from the records themselves.
 * <ul>
 *   <li>u: level frequencies over random pairs, counted a second time with each pair weighed by how likely the
 *   first model finds it a non-match (where customers have several records each, random pairs hold matches);</li>
 *   <li>m: expectation-maximisation over the candidate pairs of each kind of blocking key, with u fixed. A
 *   session ignores the fields its keys are made of (pairs met through a shared e-mail agree on e-mail by
 *   construction, so they teach nothing about e-mail), and each field's m is the average over the sessions
 *   that did see it, weighted by their expected number of matches;</li>
 *   <li>u of an identifier's EXACT level: the non-matches among the pairs sharing a value (from that
 *   identifier's session) over all pairs;</li>
 *   <li>lambda: the prior of a random pair, the expected matches among the candidates (under the final m and u)
 *   over all pairs. A pair meeting only through a common name thus starts as unlikely as it is.</li>
 * </ul>
 * Both m and u are smoothed towards the defaults, so small or one-sided data cannot produce zeros.
 */
public final class EmTrainer {

  private static final double U_PRIOR_PAIRS = 1000;
  private static final double M_PRIOR_MATCHES = 10;
  private static final double TOLERANCE = 1e-5;
  private static final Field[] FIELDS = Field.values();
  private static final Map<Field, String> IDENTIFIER_SESSIONS = Map.of(Field.EMAIL, "email", Field.PHONE, "phone",
      Field.NATIONAL_ID, "nid", Field.TAX_ID, "tax");

  private EmTrainer() {
  }

  public static MatchModel train(List<StandardRecord> records, MatchingConfig cfg, long seed) {
    return train(BatchPass.of(records, cfg), cfg, seed);
  }

  /** The same, from a pass whose records are already blocked. */
  public static MatchModel train(BatchPass pass, MatchingConfig cfg, long seed) {
    List<StandardRecord> records = pass.records();
    // Random pairs are nearly all non-matches only while each customer has few records among many: where
    // customers have several records each (one percent of random pairs and more may match), the matches among
    // them would make agreement look common. The first model's posteriors take them out of u for the second.
    // The candidate pairs and their comparison patterns do not depend on a model: both passes share one count.
    // The same random pairs serve u in both passes: their comparisons are made once.
    Patterns patterns = Patterns.count(pass, cfg, new Random(seed + 1));
    RandomPairs random = RandomPairs.draw(records, new Comparisons(cfg), cfg.randomPairs(), new Random(seed));
    MatchModel first = train(records, cfg, seed, null, patterns, random);
    return train(records, cfg, seed, first, patterns, random);
  }

  /**
   * The comparison patterns (level vectors) of the candidate pairs of a pass over all records, counted per kind
   * of key the pair shares, and over persons and organizations; at most {@code maxTrainingPairs} pairs, a random
   * share {@code keep} of them beyond that.
   */
  private record Patterns(Map<String, Map<Long, Integer>> sessions, Map<Long, Integer> persons,
                          Map<Long, Integer> orgs, int candidates, double keep) {

    static Patterns count(BatchPass pass, MatchingConfig cfg, Random rnd) {
      Comparisons cmp = new Comparisons(cfg);
      List<StandardRecord> records = pass.records();
      List<List<String>> keys = pass.keys();
      long[] pairs = pass.candidates().pairs();
      RuleCodes codes = new RuleCodes();
      List<long[]> keyCodes = Parallel.concat(keys.size(), (from, to) -> {
        List<long[]> part = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) part.add(codes.of(keys.get(i)));
        return part;
      });
      double keep = Math.min(1.0, cfg.maxTrainingPairs() / (double) Math.max(1, pairs.length));
      // the sample is drawn in pair order, as by one thread, so that the model does not depend on the scheduling
      BitSet leftOut = new BitSet();
      if (keep < 1.0) for (int i = 0; i < pairs.length; i++) if (rnd.nextDouble() >= keep) leftOut.set(i);
      long[] pattern = new long[pairs.length];
      long[] sharedRules = new long[pairs.length];
      Parallel.forEach(pairs.length, (from, to) -> {
        int[] levels = new int[FIELDS.length];
        for (int i = from; i < to; i++) {
          StandardRecord a = records.get(Blocker.Candidates.left(pairs[i]));
          StandardRecord b = records.get(Blocker.Candidates.right(pairs[i]));
          pattern[i] = leftOut.get(i) ? NONE : pattern(cmp, a, b, levels);
          if (pattern[i] != NONE) {
            sharedRules[i] = RuleCodes.shared(keyCodes.get(Blocker.Candidates.left(pairs[i])),
                keyCodes.get(Blocker.Candidates.right(pairs[i])));
          }
        }
      });
      Map<String, Map<Long, Integer>> sessions = new TreeMap<>();
      Map<Long, Integer> persons = new HashMap<>();
      Map<Long, Integer> orgs = new HashMap<>();
      for (int i = 0; i < pairs.length; i++) {
        if (pattern[i] == NONE) continue;
        boolean org = isOrg(records.get(Blocker.Candidates.left(pairs[i])))
            || isOrg(records.get(Blocker.Candidates.right(pairs[i])));
        (org ? orgs : persons).merge(pattern[i], 1, Integer::sum);
        for (long shared = sharedRules[i]; shared != 0; shared &= shared - 1) {
          String rule = codes.rule(Long.numberOfTrailingZeros(shared));
          sessions.computeIfAbsent(rule, k -> new HashMap<>()).merge(pattern[i], 1, Integer::sum);
        }
      }
      return new Patterns(sessions, persons, orgs, pairs.length, keep);
    }
  }

  /** No pattern: the pair was left out of the sample, or its kinds are not compared. */
  private static final long NONE = -1;

  /** The pair's comparison pattern ({@link EmSession#encode}), or {@link #NONE} for kinds that are not compared. */
  private static long pattern(Comparisons cmp, StandardRecord a, StandardRecord b, int[] levels) {
    if (!Comparisons.comparableKinds(a.kind(), b.kind())) return NONE;
    cmp.levels(a, b, cmp.names(a, b), levels);
    return EmSession.encode(levels);
  }

  /**
   * The random pairs that u is counted over (all pairs when there are few), drawn in order from one generator and
   * compared once, with their comparison patterns.
   */
  private record RandomPairs(int[] left, int[] right, long[] patterns) {

    static RandomPairs draw(List<StandardRecord> records, Comparisons cmp, int randomPairs, Random rnd) {
      int n = records.size();
      long allPairs = (long) n * (n - 1) / 2;
      int size = (int) Math.min(allPairs, randomPairs);
      int[] left = new int[size];
      int[] right = new int[size];
      int k = 0;
      if (allPairs <= randomPairs) {
        for (int i = 0; i < n; i++) {
          for (int j = i + 1; j < n; j++, k++) {
            left[k] = i;
            right[k] = j;
          }
        }
      } else {
        for (; k < size; k++) {
          int i = rnd.nextInt(n);
          int j = rnd.nextInt(n - 1);
          if (j >= i) j++;
          left[k] = i;
          right[k] = j;
        }
      }
      long[] patterns = new long[size];
      Parallel.forEach(size, (from, to) -> {
        int[] levels = new int[FIELDS.length];
        for (int p = from; p < to; p++) patterns[p] = pattern(cmp, records.get(left[p]), records.get(right[p]), levels);
      });
      return new RandomPairs(left, right, patterns);
    }
  }

  private static MatchModel train(List<StandardRecord> records, MatchingConfig cfg, long seed, MatchModel matches,
                                  Patterns patterns, RandomPairs random) {
    MatchModel start = MatchModel.defaults();
    double[][] u = estimateU(records, random, start, matches);
    Map<String, Map<Long, Integer>> sessions = patterns.sessions();
    double keep = patterns.keep();

    double[][] mSum = new double[FIELDS.length][];
    double[] mass = new double[FIELDS.length];
    for (Field f : FIELDS) mSum[f.ordinal()] = new double[f.levels().size()];
    StringBuilder note = new StringBuilder();
    Map<String, EmSession> finished = new HashMap<>();
    for (Map.Entry<String, Map<Long, Integer>> s : sessions.entrySet()) {
      EmSession session = new EmSession(s.getValue(), excluded(s.getKey()), start.mCopy(), u, M_PRIOR_MATCHES);
      int iterations = session.run(cfg.maxIterations(), TOLERANCE, true);
      finished.put(s.getKey(), session);
      note.append(String.format(Locale.ROOT, " %s:%d pairs/%d it/lambda %.3f", s.getKey(), session.pairs(),
          iterations, session.lambda()));
      for (Field f : FIELDS) {
        if (session.excluded().contains(f)) continue;
        double w = session.matchMass(f);
        for (int l = 0; l < mSum[f.ordinal()].length; l++) mSum[f.ordinal()][l] += w * session.m()[f.ordinal()][l];
        mass[f.ordinal()] += w;
      }
    }
    double[][] m = start.mCopy();
    for (Field f : FIELDS) {
      int i = f.ordinal();
      for (int l = 0; l < m[i].length; l++) {
        m[i][l] = (mSum[i][l] + M_PRIOR_MATCHES * m[i][l]) / (mass[i] + M_PRIOR_MATCHES);
      }
    }
    double allPairs = Math.max(1.0, records.size() * (records.size() - 1.0) / 2);
    for (Map.Entry<Field, String> id : IDENTIFIER_SESSIONS.entrySet()) {
      EmSession s = finished.get(id.getValue());
      // with few records there are too few pairs to count: the defaults know better
      if (s != null && records.size() >= PairScorer.TF_MIN_RECORDS) identifierAgreement(u, id.getKey(), (1 - s.lambda()) * s.pairs() / keep, allPairs);
    }
    long orgCount = records.stream().filter(EmTrainer::isOrg).count();
    double personMatches = expectedMatches(patterns.persons(), m, u, cfg) / keep;
    double orgMatches = expectedMatches(patterns.orgs(), m, u, cfg) / keep;
    // the prior of a random pair: every match is assumed to be among the candidates
    double lambda = prior(personMatches, records.size() - orgCount);
    double orgLambda = prior(orgMatches, orgCount);
    String header = String.format(Locale.ROOT, "em seed=%d records=%d candidates=%d matches=%.0f+%.0f lambda=%.3g/%.3g;",
        seed, records.size(), patterns.candidates(), personMatches, orgMatches, lambda, orgLambda);
    return new MatchModel(lambda, orgLambda, m, u, header + note);
  }

  private static boolean isOrg(StandardRecord r) {
    return r.kind() == io.customerhub.record.Kind.ORGANIZATION;
  }

  /** Expected matches among candidate patterns under fixed m and u (lambda re-estimated). */
  private static double expectedMatches(Map<Long, Integer> patterns, double[][] m, double[][] u, MatchingConfig cfg) {
    EmSession s = new EmSession(patterns, EnumSet.noneOf(Field.class), m, u, M_PRIOR_MATCHES);
    s.run(cfg.maxIterations(), TOLERANCE, false);
    return s.lambda() * s.pairs();
  }

  private static double prior(double matches, long records) {
    double pairs = Math.max(1.0, records * (records - 1.0) / 2);
    return Math.min(0.5, Math.max(0.5 / pairs, matches / pairs));
  }

  /**
   * u of an identifier's EXACT level from the pairs that share a value (all of them are candidates): random
   * pairs cannot measure it, since the few random pairs sharing an e-mail are mostly matches themselves.
   */
  private static void identifierAgreement(double[][] u, Field f, double nonMatchPairs, double allPairs) {
    double[] row = u[f.ordinal()];
    double exact = Math.max(0.5, nonMatchPairs) / allPairs;
    double rest = 0;
    for (int l = 1; l < row.length; l++) rest += row[l];
    for (int l = 1; l < row.length; l++) row[l] = row[l] / rest * (1 - exact);
    row[0] = exact;
  }

  /** Level frequencies over the random pairs, smoothed towards the defaults. */
  private static double[][] estimateU(List<StandardRecord> records, RandomPairs random, MatchModel start,
                                      MatchModel matches) {
    double[][] counts = new double[FIELDS.length][];
    for (Field f : FIELDS) counts[f.ordinal()] = new double[f.levels().size()];
    for (int p = 0; p < random.patterns().length; p++) {
      if (random.patterns()[p] == NONE) continue;
      boolean org = isOrg(records.get(random.left()[p])) || isOrg(records.get(random.right()[p]));
      countU(EmSession.decode(random.patterns()[p]), org, counts, matches);
    }
    double[][] u = start.uCopy();
    for (Field f : FIELDS) {
      double[] c = counts[f.ordinal()];
      double total = 0;
      for (double v : c) total += v;
      for (int l = 0; l < c.length; l++) {
        double smoothed = (c[l] + U_PRIOR_PAIRS * u[f.ordinal()][l]) / (total + U_PRIOR_PAIRS);
        // a level never seen among random pairs is rare, but not rarer than half a pair in the sample
        u[f.ordinal()][l] = Math.max(smoothed, 0.5 / (total + U_PRIOR_PAIRS));
      }
    }
    return u;
  }

  /** Counts a random pair's levels, as much as it is a non-match under {@code matches} (all of it when null). */
  private static void countU(int[] levels, boolean org, double[][] counts, MatchModel matches) {
    double nonMatch = 1.0;
    if (matches != null) {
      double w = matches.priorWeight(org);
      for (Field f : FIELDS) w += matches.weight(f, levels[f.ordinal()]);
      nonMatch = 1.0 - 1.0 / (1.0 + Math.pow(2, -w));
    }
    for (Field f : FIELDS) {
      int l = levels[f.ordinal()];
      if (l != Field.MISSING) counts[f.ordinal()][l] += nonMatch;
    }
  }

  /**
   * A record's keys as sorted 64-bit codes that carry the key's rule (its prefix, "ny" of "ny:…") in their low six
   * bits, so that the rules under which two records meet come from one merge of two arrays of numbers per
   * candidate pair: training meets some millions of pairs, and comparing the key texts took a tenth of its time.
   * Two different keys of one rule share a code only if 58 bits of their hashes agree.
   */
  static final class RuleCodes {
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> rules = new ArrayList<>();

    /** Thread-safe: records are coded in parallel (which rule gets which id then varies, what is shared not). */
    long[] of(List<String> keys) {
      long[] out = new long[keys.size()];
      for (int i = 0; i < out.length; i++) {
        String key = keys.get(i);
        int colon = key.indexOf(':');
        String rule = colon < 0 ? key : key.substring(0, colon);
        Integer id = ids.get(rule);
        out[i] = (KeyGroups.hash(key) & ~63L) | (id != null ? id : newId(rule));
      }
      Arrays.sort(out);
      return out;
    }

    private synchronized int newId(String rule) {
      Integer known = ids.get(rule);
      if (known != null) return known;
      if (rules.size() == 64) throw new IllegalStateException("more than 64 blocking rules");
      rules.add(rule);
      ids.put(rule, rules.size() - 1);
      return rules.size() - 1;
    }

    synchronized String rule(int id) {
      return rules.get(id);
    }

    /** The rules two records' codes share, as a bit set by rule id. */
    static long shared(long[] a, long[] b) {
      long rules = 0;
      for (int i = 0, j = 0; i < a.length && j < b.length; ) {
        if (a[i] < b[j]) i++;
        else if (a[i] > b[j]) j++;
        else {
          rules |= 1L << (a[i] & 63);
          i++;
          j++;
        }
      }
      return rules;
    }
  }

  /** The fields a kind of blocking key is made of, see {@code BlockingKeys}. */
  static Set<Field> excluded(String prefix) {
    return switch (prefix) {
      case "email" -> EnumSet.of(Field.EMAIL);
      // a shared local part (wei.zhang@...) nearly always means shared names too
      case "el" -> EnumSet.of(Field.EMAIL, Field.FAMILY_NAME, Field.GIVEN_NAME);
      case "phone", "pt" -> EnumSet.of(Field.PHONE);
      case "sn", "sw", "np" -> EnumSet.of(Field.ADDRESS);
      case "nid" -> EnumSet.of(Field.NATIONAL_ID);
      case "tax" -> EnumSet.of(Field.TAX_ID);
      case "ny", "ns", "di", "ds", "dn" -> EnumSet.of(Field.FAMILY_NAME, Field.GIVEN_NAME, Field.BIRTH_DATE);
      case "dp", "dc" -> EnumSet.of(Field.BIRTH_DATE, Field.ADDRESS);
      case "nk", "nn" -> EnumSet.of(Field.FAMILY_NAME, Field.GIVEN_NAME);
      case "pi", "pn", "cn" -> EnumSet.of(Field.FAMILY_NAME, Field.GIVEN_NAME, Field.ADDRESS);
      case "jn" -> EnumSet.of(Field.FAMILY_NAME, Field.GIVEN_NAME, Field.OCCUPATION);
      case "co" -> EnumSet.of(Field.ADDRESS, Field.OCCUPATION);
      case "on", "op" -> EnumSet.of(Field.ORG_NAME);
      default -> EnumSet.noneOf(Field.class);
    };
  }
}
