package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;

import java.util.List;

/**
 * A pass over all records at once: the records, each one's batch keys ({@link Blocker#batchKeys}) and the
 * candidate pairs they make. Neither depends on a match model, so a young hub that trains and then re-resolves
 * blocks its records once for both (at 100,000 records, reading and blocking them took some four seconds).
 */
public record BatchPass(List<StandardRecord> records, List<List<String>> keys, Blocker.Candidates candidates) {

  public static BatchPass of(List<StandardRecord> records, MatchingConfig cfg) {
    Blocker blocker = new Blocker(cfg);
    List<List<String>> keys = blocker.batchKeys(records);
    return new BatchPass(records, keys, blocker.candidates(records, keys));
  }
}
