package io.customerhub.upkeep;

import io.customerhub.profile.TierRules;
import io.customerhub.profile.TierThresholds;
import io.customerhub.store.ProfileQueries;
import io.vertx.core.Future;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The current value-tier cut-offs ("top 20% by 12-month value") measured on the stored population. Starts with
 * the floors only and is refreshed periodically; the profile assembler reads it through {@link #get()}.
 */
public final class TierCutoffs implements Supplier<TierThresholds> {

  private final TierRules rules;
  private final AtomicReference<TierThresholds> current;

  public TierCutoffs(TierRules rules) {
    this.rules = rules;
    this.current = new AtomicReference<>(TierThresholds.floorsOnly(rules));
  }

  @Override
  public TierThresholds get() {
    return current.get();
  }

  public Future<TierThresholds> refresh(ProfileQueries queries) {
    List<TierRules.Rule> tiers = rules.rules();
    return queries.buyers().compose(buyers -> queries.valuesAtRanks(
        tiers.stream().mapToInt(r -> r.topCount(buyers)).toArray())).map(values -> {
      Map<String, Double> byTier = new HashMap<>();
      for (int i = 0; i < tiers.size(); i++) byTier.put(tiers.get(i).tier(), values[i]);
      TierThresholds thresholds = TierThresholds.fromQuantiles(rules, byTier);
      current.set(thresholds);
      return thresholds;
    });
  }
}
