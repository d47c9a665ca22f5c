package io.customerhub.route;

import io.customerhub.profile.Profile;
import io.customerhub.record.SourceKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ranks work items by the customer's routing priority (value tier, risks, lane) plus how long the item has
 * waited against the service level of its tier and type. Unknown customers get the policy's unknown-customer
 * priority and service level. Pure: profiles come through {@code lookup}, time through {@code now}.
 */
public final class Prioritizer {

  private final RoutingPolicy policy;

  public Prioritizer(RoutingPolicy policy) {
    this.policy = policy;
  }

  private record Scored(WorkItem item, double score, List<String> reasons) {
  }

  public List<RankedItem> rank(List<WorkItem> items, Function<SourceKey, Optional<Profile>> lookup, Instant now) {
    List<Scored> scored = new ArrayList<>(items.size());
    for (WorkItem item : items) {
      RoutingDecision d = item.customer() == null ? policy.unknownCustomer()
          : lookup.apply(item.customer()).map(policy::decide).orElseGet(policy::unknownCustomer);
      List<String> reasons = new ArrayList<>(d.reasons());
      double score = d.priority() + waitingPoints(item, d, now, reasons);
      scored.add(new Scored(item, Math.round(score * 100) / 100.0, reasons));
    }
    // Equal scores: the older item first, then by id so the order is stable across calls.
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.score())
        .thenComparing(s -> s.item().createdAt(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(s -> s.item().id(), Comparator.nullsLast(Comparator.naturalOrder())));
    List<RankedItem> ranked = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      ranked.add(new RankedItem(s.item().id(), i + 1, s.score(), s.reasons()));
    }
    return ranked;
  }

  private double waitingPoints(WorkItem item, RoutingDecision d, Instant now, List<String> reasons) {
    if (item.createdAt() == null) return 0;
    Duration sla = policy.serviceLevel(d.tier(), item.type());
    Duration waited = Duration.between(item.createdAt(), now);
    if (waited.isNegative() || sla.isZero()) return 0;
    Waiting w = policy.waiting();
    double fraction = hours(waited) / hours(sla);
    if (fraction >= 1) {
      reasons.add("SLA_BREACHED");
      double overdueHours = hours(waited.minus(sla));
      return w.breachPoints() + Math.min(w.maxOverduePoints(), overdueHours * w.overduePointsPerHour());
    }
    if (fraction >= w.nearFraction()) {
      reasons.add("SLA_NEAR");
      return w.nearPoints();
    }
    return w.waitingPoints() * fraction / w.nearFraction();
  }

  /** A duration in hours; its milliseconds overflow a long for an item created hundreds of millions of years ago. */
  private static double hours(Duration d) {
    return d.getSeconds() / 3600.0 + d.getNano() / 3.6e12;
  }
}
