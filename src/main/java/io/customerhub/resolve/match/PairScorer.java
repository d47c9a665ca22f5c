package io.customerhub.resolve.match;

import io.customerhub.record.Kind;
import io.customerhub.resolve.standardize.NameReading;
import io.customerhub.resolve.standardize.StandardAddress;
import io.customerhub.resolve.standardize.StandardRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a pair of standardized records with Fellegi-Sunter weights: the prior plus log2(m/u) of every
 * field's level, where exact agreement on a name, and the same town, are weighed by how rare they are. The
 * probability decides the band against the thresholds of {@link MatchingConfig}. Identifiers weigh heavily but are
 * not absolute: a pair that would merge although its national or tax ids clearly differ goes to review, as long as
 * the model says such ids are reliable ({@link MatchModel#conflictIsDecisive}).
 * Pure and thread-safe.
 */
public final class PairScorer {

  /** Below this many records term frequencies say more about the sample than about the names. */
  static final long TF_MIN_RECORDS = 1000;
  /** More records than one customer plausibly has: such an identifier value is shared and weighed by frequency. */
  static final long SHARED_IDENTIFIER = 10;
  /** How many times commoner than the model's u of an exact date a date must be to be weighed by its frequency. */
  static final double OVERREPRESENTED_DATE = 8.0;
  /** Fields whose exact agreement weighs what the frequency of its value says (not only less, as an identifier). */
  private static final java.util.Set<Field> WEIGHED_BY_FREQUENCY = java.util.EnumSet.of(Field.FAMILY_NAME,
      Field.GIVEN_NAME, Field.ORG_NAME, Field.OCCUPATION);
  /** Years between two birth dates from which they are a parent's and a child's, not one mistyped. */
  private static final int GENERATION_YEARS = 15;
  private static final Field[] FIELDS = Field.values();

  private final MatchModel model;
  private final TermFrequencies tf;
  private final MatchingConfig cfg;
  private final Comparisons comparisons;

  public PairScorer(MatchModel model, TermFrequencies tf, MatchingConfig cfg) {
    this.model = model;
    this.tf = tf == null ? TermFrequencies.none() : tf;
    this.cfg = cfg;
    this.comparisons = new Comparisons(cfg);
  }

  public MatchModel model() {
    return model;
  }

  /**
   * The pair's score. A name written in hanzi against one in other letters is also compared as its other readings
   * spell it (陳大文 as Chan Tai Man beside Chen Dawen), and the best agreement counts: the explanation's rule names
   * the reading. Two names in hanzi compare as written.
   */
  public PairScore score(StandardRecord a, StandardRecord b) {
    PairScore best = scoreAsRead(a, b, "");
    if (a.readings().isEmpty() == b.readings().isEmpty()) return best;
    StandardRecord han = a.readings().isEmpty() ? b : a, other = han == a ? b : a;
    for (NameReading reading : han.readings()) {
      PairScore read = scoreAsRead(han.readAs(reading), other, "/" + reading.system());
      if (read.weight() > best.weight()) best = read;
    }
    return best;
  }

  private PairScore scoreAsRead(StandardRecord a, StandardRecord b, String reading) {
    if (!Comparisons.comparableKinds(a.kind(), b.kind())) {
      return new PairScore(Double.NEGATIVE_INFINITY, 0.0, Band.APART, List.of(), "kind-mismatch");
    }
    // a canonical order makes the score exactly symmetric (term frequencies are read from the first record)
    if (a.key().compareTo(b.key()) > 0) {
      StandardRecord t = a;
      a = b;
      b = t;
    }
    NameAlignment names = comparisons.names(a, b);
    int[] levels = new int[FIELDS.length];
    comparisons.levels(a, b, names, levels);
    boolean org = a.kind() == Kind.ORGANIZATION || b.kind() == Kind.ORGANIZATION;
    double total = model.priorWeight(org);
    List<FieldComparison> fields = new ArrayList<>(FIELDS.length);
    for (Field f : FIELDS) {
      if (!relevant(f, org)) continue;
      int level = levels[f.ordinal()];
      double w = model.weight(f, level);
      boolean adjusted = false;
      if (level == 0) {
        double freq = frequency(f, a, b, names);
        if (!Double.isNaN(freq)) {
          double tfWeight = MatchModel.log2(model.m(f, 0) / Math.max(freq, cfg.tfMinimum()));
          // a name or an occupation takes its frequency's weight; a shared identifier can only lose weight by it
          w = WEIGHED_BY_FREQUENCY.contains(f) ? tfWeight : Math.min(w, tfWeight);
          adjusted = true;
        }
      } else if (f == Field.ADDRESS && level == Comparisons.ADDRESS_TOWN) {
        // the same town weighs what the model learned of the level, more for a town rarer than the average one
        // and less for a commoner: a few records' village far more than the capital. Not m / frequency as for a
        // name: the level's u holds more than the town (a postcode missing on one side), so only the ratio moves
        double freq = townFrequency(a, b), average = tf.agreement(f);
        if (!Double.isNaN(freq) && average > 0) {
          w += MatchModel.log2(average / Math.max(freq, cfg.tfMinimum()));
          adjusted = true;
        }
      }
      total += w;
      fields.add(new FieldComparison(f.key(), f.level(level), w, adjusted));
    }
    double p = 1.0 / (1.0 + Math.pow(2, -total));
    Band band = p >= cfg.mergeProbability() ? Band.MERGE : p >= cfg.reviewProbability() ? Band.REVIEW : Band.APART;
    String rule = "fellegi-sunter" + reading + names.rule();
    if (band == Band.MERGE && (conflict(levels, Field.NATIONAL_ID) || conflict(levels, Field.TAX_ID))) {
      band = Band.REVIEW;
      rule = "identifier-conflict";
    } else if (band == Band.MERGE && !org && household(levels)) {
      band = Band.REVIEW;
      rule = "household";
    } else if (band == Band.MERGE && !org && StandardRecord.generationsDiffer(a, b)) {
      // John Smith Jr and John Smith Sr at one address: the fields agree because a son is named after his father
      band = Band.REVIEW;
      rule = "generation-conflict";
    } else if (band == Band.MERGE && !org && generationApart(a, b, levels)) {
      band = Band.REVIEW;
      rule = "generation-apart";
    }
    return new PairScore(total, p, band, fields, rule);
  }

  /**
   * Another given name and another birth date, held together only by what a household shares (a phone, an
   * address, a family name): the fields are not independent there, and their weights add up to a merge of two
   * relatives. Only where the model says a duplicate rarely carries another birth date; where it often does
   * (FEBRL replaces dates and names), the scores decide.
   */
  private boolean household(int[] levels) {
    return levels[Field.GIVEN_NAME.ordinal()] == Field.GIVEN_NAME.different()
        && levels[Field.BIRTH_DATE.ordinal()] == Field.BIRTH_DATE.different()
        && levels[Field.NATIONAL_ID.ordinal()] != 0
        && model.birthDatesDecide();
  }

  /**
   * Birth dates a generation apart that no typo explains (no two parts alike, years 15 or more apart) in a pair whose
   * other fields add up to a merge: most often a son named after his father, at his address, where no suffix was
   * written (another given name is {@link #household}). Only where the model says a duplicate rarely carries another
   * birth date; where it often does (FEBRL replaces whole dates), the scores decide.
   */
  private boolean generationApart(StandardRecord a, StandardRecord b, int[] levels) {
    return levels[Field.BIRTH_DATE.ordinal()] == Field.BIRTH_DATE.different() && model.birthDatesDecide()
        && a.birthYear() > 0 && b.birthYear() > 0 && Math.abs(a.birthYear() - b.birthYear()) >= GENERATION_YEARS;
  }

  private static boolean relevant(Field f, boolean org) {
    return switch (f) {
      case FAMILY_NAME, GIVEN_NAME, BIRTH_DATE, GENDER, OCCUPATION -> !org;
      case ORG_NAME -> org;
      default -> true;
    };
  }

  private boolean conflict(int[] levels, Field f) {
    return levels[f.ordinal()] == f.different() && model.conflictIsDecisive(f);
  }

  /**
   * The frequency of the agreed value: for names always (when enough records were counted), for identifiers
   * only when more records share the value than a customer plausibly has, for birth dates only when far more
   * do than chance explains; NaN when it does not apply. Names agreeing across the swap take the higher of their
   * frequencies as given and as family name: Rahul is a rare family name but a common given name, and a swapped
   * pair must not weigh it as rare.
   */
  private double frequency(Field f, StandardRecord a, StandardRecord b, NameAlignment names) {
    if (tf.total(f) < TF_MIN_RECORDS) return Double.NaN;
    String value = switch (f) {
      // the name both records agree on, as compared (split out of a whole name where the alignment did so)
      case FAMILY_NAME -> names.aFamily();
      case GIVEN_NAME -> names.aGiven();
      case ORG_NAME -> a.orgKey();
      case EMAIL -> shared(a.emails(), b.emails());
      case PHONE -> shared(a.phones(), b.phones());
      case NATIONAL_ID -> a.nationalId();
      case TAX_ID -> a.taxId();
      case BIRTH_DATE -> a.birthDate();
      case OCCUPATION -> a.occupation();
      default -> null;
    };
    if (value == null) return Double.NaN;
    if (!WEIGHED_BY_FREQUENCY.contains(f) && tf.count(f, value) <= SHARED_IDENTIFIER) return Double.NaN;
    if (f == Field.BIRTH_DATE) {
      // every date recurs by chance in a big hub; only one far commoner than the model's share of agreeing dates
      // (a placeholder, 1 January for "only the year is known") is weighed by its frequency
      double freq = tf.frequency(f, value);
      return freq > OVERREPRESENTED_DATE * model.u(f, 0) ? freq : Double.NaN;
    }
    if (names.swapped() && (f == Field.FAMILY_NAME || f == Field.GIVEN_NAME)) {
      Field other = f == Field.FAMILY_NAME ? Field.GIVEN_NAME : Field.FAMILY_NAME;
      if (tf.total(other) >= TF_MIN_RECORDS) return Math.max(tf.frequency(f, value), tf.frequency(other, value));
    }
    return tf.frequency(f, value);
  }

  /** The frequency of a town both records name, as written (a mistyped one has none); NaN when none or unknown. */
  private double townFrequency(StandardRecord a, StandardRecord b) {
    if (tf.total(Field.ADDRESS) < TF_MIN_RECORDS) return Double.NaN;
    for (StandardAddress x : a.addresses()) {
      if (x.city() == null) continue;
      for (StandardAddress y : b.addresses()) {
        if (x.city().equals(y.city())) return tf.frequency(Field.ADDRESS, x.city());
      }
    }
    return Double.NaN;
  }

  private static String shared(List<String> xs, List<String> ys) {
    for (String x : xs) if (ys.contains(x)) return x;
    return null;
  }
}
