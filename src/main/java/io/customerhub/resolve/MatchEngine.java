package io.customerhub.resolve;

import io.customerhub.resolve.match.ClusterGuard;
import io.customerhub.resolve.match.MatchModel;
import io.customerhub.resolve.match.MatchingConfig;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.match.PairScorer;
import io.customerhub.resolve.match.Field;
import io.customerhub.resolve.match.TermFrequencies;
import io.customerhub.resolve.standardize.StandardRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The probabilistic matcher as the resolver uses it: the current model (trained by EM on the stored records,
 * or the default priors before any training), live term frequencies of the stored values, and the cluster guard
 * with the pairs stewards kept apart.
 * A new model replaces the old one atomically; decisions in flight finish with the model they started with.
 */
public final class MatchEngine implements PairDecider {

  /** The model in use and where it came from. */
  public record ModelInUse(MatchModel model, long version, PairScorer scorer, ClusterGuard guard) {
  }

  private final MatchingConfig config;
  private volatile TermFrequencies frequencies;
  private final KeptApart keptApart;
  private volatile ModelInUse current;

  public MatchEngine(MatchingConfig config) {
    this(config, TermFrequencies.none(), new KeptApart());
    use(MatchModel.defaults(), 0);
  }

  private MatchEngine(MatchingConfig config, TermFrequencies frequencies, KeptApart keptApart) {
    this.config = config;
    this.frequencies = frequencies;
    this.keptApart = keptApart;
  }

  /**
   * This engine's term frequencies and steward decisions with another model: what re-resolving with that model
   * would do ({@link Reresolver#preview}). For what-if questions, never for decisions; it does not follow this
   * engine's later changes.
   */
  public MatchEngine withModel(MatchModel model, long version) {
    MatchEngine other = new MatchEngine(config, frequencies, keptApart);
    other.use(model, version);
    return other;
  }

  public MatchingConfig config() {
    return config;
  }

  public ModelInUse current() {
    return current;
  }

  /** The pairs stewards kept apart, which the guard enforces. */
  public KeptApart keptApart() {
    return keptApart;
  }

  public synchronized void use(MatchModel model, long version) {
    PairScorer scorer = new PairScorer(model, frequencies, config);
    current = new ModelInUse(model, version, scorer, new ClusterGuard(config, model, scorer));
  }

  /**
   * Weighs values by {@code counts} from now on: those of the candidate index in place, which count the committed
   * records ({@link io.customerhub.resolve.index.IndexSync}).
   */
  public synchronized void countWith(TermFrequencies counts) {
    frequencies = counts;
    ModelInUse now = current;
    PairScorer scorer = new PairScorer(now.model(), counts, config);
    current = new ModelInUse(now.model(), now.version(), scorer, new ClusterGuard(config, now.model(), scorer));
  }

  /** How many of the records counted so far give {@code value} (a standardized key) for {@code field}. */
  public long count(Field field, String value) {
    return frequencies.count(field, value);
  }

  public PairScore score(StandardRecord a, StandardRecord b) {
    return current.scorer().score(a, b);
  }

  /**
   * The scorer of {@code model} with the live term frequencies and both thresholds at their lowest, so that every
   * pair scores MERGE unless a rule of the pair itself (conflicting ids, a household) vetoes the merge: what a sweep
   * over thresholds needs to know of a pair besides its probability. For what-if questions, never for decisions.
   */
  public PairScorer scorerBelowEveryThreshold(MatchModel model) {
    return new PairScorer(model, frequencies, config.withThresholds(Double.MIN_VALUE, Double.MIN_VALUE));
  }

  @Override
  public Decision decide(StandardRecord a, StandardRecord b, boolean explicitLink) {
    if (explicitLink) return new Decision(Band.MERGE, 1.0, "explicit-link", Map.of());
    PairScore s = score(a, b);
    Band band = Band.valueOf(s.band().name());
    // most pairs that meet are kept apart and their explanation is never stored: the weight is all they need
    if (band == Band.APART) return new Decision(band, s.probability(), s.rule(), Map.of("weight", s.weight()));
    Map<String, Object> why = new LinkedHashMap<>(s.toMap());
    why.put("modelVersion", current.version());
    return new Decision(band, s.probability(), s.rule(), why);
  }

  /** A steward's decision first, then the cluster's consistency. */
  public Linker.Guard guard() {
    return (left, right) -> keptApart.check(left, right).or(() -> current.guard().check(left, right));
  }
}
