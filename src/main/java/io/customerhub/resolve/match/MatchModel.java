package io.customerhub.resolve.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Fellegi-Sunter parameters: for every field and level, m = P(level | same customer) and
 * u = P(level | different customers), and the prior {@code lambda} = P(same customer) of two random persons
 * ({@code orgLambda} of two random organizations: there are fewer of them, so a pair of them is likelier to
 * match). Immutable. The weight of a level is log2(m/u); the prior adds log2(lambda / (1 - lambda)).
 */
public final class MatchModel {

  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double FLOOR = 1e-15;
  /** log2(m/u) of a clearly different identifier from which a conflict stops a merge (m/u below 1/256). */
  public static final double DECISIVE_DIFFERENCE = -8.0;
  private static final String DEFAULTS_NOTE = "defaults";

  private final double lambda;
  private final double orgLambda;
  private final double[][] m;
  private final double[][] u;
  private final double[][] weights;
  private final String note;
  /** Learned by a release that compared some field in fewer levels, or not at all: the added ones hold their priors. */
  private final boolean predatesLevels;

  public MatchModel(double lambda, double[][] m, double[][] u, String note) {
    this(lambda, lambda, m, u, note);
  }

  public MatchModel(double lambda, double orgLambda, double[][] m, double[][] u, String note) {
    this(lambda, orgLambda, m, u, note, false);
  }

  private MatchModel(double lambda, double orgLambda, double[][] m, double[][] u, String note,
                     boolean predatesLevels) {
    if (!(lambda > 0 && lambda < 1)) throw new IllegalArgumentException("lambda must be in (0, 1): " + lambda);
    if (!(orgLambda > 0 && orgLambda < 1)) throw new IllegalArgumentException("orgLambda must be in (0, 1): " + orgLambda);
    this.orgLambda = orgLambda;
    Field[] fields = Field.values();
    if (m.length != fields.length || u.length != fields.length) throw new IllegalArgumentException("one row per field");
    this.lambda = lambda;
    this.m = new double[fields.length][];
    this.u = new double[fields.length][];
    this.weights = new double[fields.length][];
    for (Field f : fields) {
      int n = f.levels().size();
      int i = f.ordinal();
      if (m[i].length != n || u[i].length != n) throw new IllegalArgumentException(f.key() + ": one value per level");
      this.m[i] = normalized(m[i]);
      this.u[i] = normalized(u[i]);
      this.weights[i] = new double[n];
      for (int l = 0; l < n; l++) this.weights[i][l] = log2(this.m[i][l] / this.u[i][l]);
    }
    this.note = note == null ? "" : note;
    this.predatesLevels = predatesLevels;
  }

  private static double[] normalized(double[] p) {
    double sum = 0;
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Math.max(FLOOR, p[i]);
      sum += out[i];
    }
    // parameters that already sum to one are kept bit for bit, so that JSON round trips are exact
    if (Math.abs(sum - 1.0) > 1e-12) for (int i = 0; i < p.length; i++) out[i] /= sum;
    return out;
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Priors that already separate well before any training, for a hub of some ten thousand records with about
   * one duplicate each (lambda, the prior of a random pair, 1e-4): names and dates as seen in typical customer
   * data, identifiers shared by unrelated records very rarely (u ~ 1e-7) but sometimes mistyped or missing
   * from a duplicate (m of EXACT < 1). A common full name alone stays apart; name and birth date merge.
   */
  public static MatchModel defaults() {
    double[][] m = new double[Field.values().length][];
    double[][] u = new double[Field.values().length][];
    set(m, u, Field.FAMILY_NAME, new double[] {0.86, 0.07, 0.03, 0.04}, new double[] {0.005, 0.003, 0.02, 0.972});
    set(m, u, Field.GIVEN_NAME, new double[] {0.78, 0.07, 0.06, 0.04, 0.05},
        new double[] {0.01, 0.003, 0.004, 0.03, 0.953});
    set(m, u, Field.BIRTH_DATE, new double[] {0.85, 0.03, 0.07, 0.02, 0.01, 0.02},
        new double[] {0.0001, 0.00001, 0.003, 0.005, 0.012, 0.97989});
    set(m, u, Field.EMAIL, new double[] {0.60, 0.05, 0.35}, new double[] {1e-7, 1e-5, 0.9999899});
    set(m, u, Field.PHONE, new double[] {0.65, 0.05, 0.30}, new double[] {1e-7, 1e-5, 0.9999899});
    set(m, u, Field.NATIONAL_ID, new double[] {0.93, 0.05, 0.017, 0.003}, new double[] {1e-8, 1e-6, 1e-5, 0.99998899});
    set(m, u, Field.TAX_ID, new double[] {0.93, 0.05, 0.017, 0.003}, new double[] {1e-8, 1e-6, 1e-5, 0.99998899});
    set(m, u, Field.ADDRESS, new double[] {0.60, 0.10, 0.05, 0.02, 0.05, 0.02, 0.16},
        new double[] {0.0005, 0.001, 0.004, 0.004, 0.01, 0.01, 0.9705});
    set(m, u, Field.ORG_NAME, new double[] {0.70, 0.15, 0.08, 0.07}, new double[] {0.0005, 0.001, 0.01, 0.9885});
    // a gender is kept wrong now and then; half of all people share one
    set(m, u, Field.GENDER, new double[] {0.97, 0.03}, new double[] {0.5, 0.5});
    // people change occupations and sources name them differently; a random pair shares one rarely
    set(m, u, Field.OCCUPATION, new double[] {0.7, 0.3}, new double[] {0.05, 0.95});
    return new MatchModel(1e-4, 1e-3, m, u, DEFAULTS_NOTE);
  }

  private static void set(double[][] m, double[][] u, Field f, double[] mv, double[] uv) {
    m[f.ordinal()] = mv;
    u[f.ordinal()] = uv;
  }

  public double lambda() {
    return lambda;
  }

  public double orgLambda() {
    return orgLambda;
  }

  public double m(Field f, int level) {
    return m[f.ordinal()][level];
  }

  public double u(Field f, int level) {
    return u[f.ordinal()][level];
  }

  /** log2(m/u) of a level; 0 for {@link Field#MISSING}. */
  public double weight(Field f, int level) {
    return level == Field.MISSING ? 0.0 : weights[f.ordinal()][level];
  }

  /**
   * True when a clearly different value of this identifier weighs at least {@link #DECISIVE_DIFFERENCE} bits
   * against: the data (or the defaults) say duplicates nearly always carry the same id, so a conflict must
   * be seen by a steward. Where duplicates often carry another id (some sources reissue them), it is not.
   */
  public boolean conflictIsDecisive(Field f) {
    return weight(f, f.different()) <= DECISIVE_DIFFERENCE;
  }

  /**
   * Whether a clearly different birth date tells two people apart: the priors assume a duplicate rarely carries
   * another one (households do); a model learned from data where one duplicate in twenty does (FEBRL's replaced
   * dates) says otherwise. The cluster guard and the household rule of the pair scores both ask this.
   */
  public boolean birthDatesDecide() {
    return isDefaults() || conflictIsDecisive(Field.BIRTH_DATE);
  }

  /**
   * Stored by an earlier release that compared some field in fewer levels, or not at all ({@link #fromJson}): what
   * it learned stands, the added levels weigh their priors, and the hub trains again at its next look.
   */
  public boolean predatesLevels() {
    return predatesLevels;
  }

  /** The priors of {@link #defaults()}, not parameters learned from data. */
  public boolean isDefaults() {
    return DEFAULTS_NOTE.equals(note);
  }

  /** log2 of the prior odds of a pair of persons, or of organizations. */
  public double priorWeight(boolean organizations) {
    double l = organizations ? orgLambda : lambda;
    return log2(l / (1 - l));
  }

  /** Where the parameters come from (defaults, or what the trainer saw). */
  public String note() {
    return note;
  }

  double[][] mCopy() {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
    return c;
  }

  double[][] uCopy() {
    double[][] c = new double[u.length][];
    for (int i = 0; i < u.length; i++) c[i] = u[i].clone();
    return c;
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode().put("version", VERSION).put("lambda", lambda)
        .put("orgLambda", orgLambda).put("note", note);
    ObjectNode fields = root.putObject("fields");
    for (Field f : Field.values()) {
      ObjectNode o = fields.putObject(f.key());
      ArrayNode levels = o.putArray("levels");
      f.levels().forEach(levels::add);
      ArrayNode ms = o.putArray("m");
      ArrayNode us = o.putArray("u");
      for (double v : m[f.ordinal()]) ms.add(v);
      for (double v : u[f.ordinal()]) us.add(v);
    }
    return root.toString();
  }

  /** Reads {@link #toJson()}; fields absent from the JSON (a model older than a new field) keep the defaults. */
  public static MatchModel fromJson(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      int version = root.path("version").asInt(-1);
      if (version != VERSION) throw new IllegalArgumentException("unsupported match model version " + version);
      MatchModel d = defaults();
      double[][] m = d.mCopy();
      double[][] u = d.uCopy();
      boolean predatesLevels = false;
      for (Field f : Field.values()) {
        JsonNode o = root.path("fields").path(f.key());
        if (o.isMissingNode()) {
          // a field added since: no level of it was learned, and it weighs its priors until the hub learns again
          predatesLevels = true;
          continue;
        }
        List<String> stored = Arrays.asList(JSON.treeToValue(o.get("levels"), String[].class));
        double[] sm = JSON.treeToValue(o.get("m"), double[].class);
        double[] su = JSON.treeToValue(o.get("u"), double[].class);
        if (!f.levels().containsAll(stored) || sm.length != stored.size() || su.length != stored.size()) {
          throw new IllegalArgumentException("levels of " + f.key() + " differ from " + f.levels());
        }
        // a model stored before a level was added keeps what it learned; the new level starts from its prior
        predatesLevels |= stored.size() < f.levels().size();
        for (int l = 0; l < stored.size(); l++) {
          m[f.ordinal()][f.levels().indexOf(stored.get(l))] = sm[l];
          u[f.ordinal()][f.levels().indexOf(stored.get(l))] = su[l];
        }
      }
      double lambda = root.path("lambda").asDouble();
      return new MatchModel(lambda, root.path("orgLambda").asDouble(lambda), m, u, root.path("note").asText(""),
          predatesLevels);
    } catch (IOException e) {
      throw new UncheckedIOException("not a match model", e);
    }
  }
}
