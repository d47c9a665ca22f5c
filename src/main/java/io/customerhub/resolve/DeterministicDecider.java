package io.customerhub.resolve;

import io.customerhub.resolve.standardize.StandardRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Same customer when one record links the other or they share a strong identifier (email, phone, ids). */
public final class DeterministicDecider implements PairDecider {

  @Override
  public Decision decide(StandardRecord a, StandardRecord b, boolean explicitLink) {
    if (explicitLink) return new Decision(Band.MERGE, 1.0, "explicit-link", Map.of());
    List<String> shared = new ArrayList<>(a.strongKeys());
    shared.retainAll(b.strongKeys());
    if (shared.isEmpty()) return new Decision(Band.APART, 0.0, "no-shared-identifier", Map.of());
    return new Decision(Band.MERGE, 1.0, "shared-identifier", Map.of("shared", shared));
  }
}
