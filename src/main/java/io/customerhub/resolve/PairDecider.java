package io.customerhub.resolve;

import io.customerhub.resolve.standardize.StandardRecord;

import java.util.Map;

/**
 * Decides whether two records that met through a shared key describe the same customer. Implementations are pure
 * and thread-safe: the deterministic rules of the first version, or the probabilistic model.
 */
public interface PairDecider {

  enum Band { MERGE, REVIEW, APART }

  /** The decision with what explains it (rule, score, field levels) for the profile's explain answer. */
  record Decision(Band band, double score, String rule, Map<String, Object> explanation) {
  }

  /**
   * @param explicitLink true when one record names the other in its {@code links} (or it is the same record)
   */
  Decision decide(StandardRecord a, StandardRecord b, boolean explicitLink);
}
