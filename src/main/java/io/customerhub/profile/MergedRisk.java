package io.customerhub.profile;

import io.customerhub.risk.RiskEvent;
import io.customerhub.risk.RiskTag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The risk a profile carries on when others are merged into it: a tag any of them held keeps the earliest time it
 * was raised, and the histories are one, in time order. Assessed against the survivor's alone, a merge raised the
 * absorbed profile's tags anew as of the merge (an account overdue for months looked overdue since today) and lost
 * its history; tags that no longer apply after the merge are cleared with an entry, as any other.
 */
public final class MergedRisk {

  private MergedRisk() {
  }

  /** {@code survivor} (null when it had no body yet) with the risk of the {@code absorbed} profiles joined to its. */
  public static Profile of(Profile survivor, List<Profile> absorbed) {
    if (absorbed.isEmpty()) return survivor;
    List<Profile> all = new ArrayList<>();
    if (survivor != null) all.add(survivor);
    all.addAll(absorbed);
    Map<String, RiskTag> tags = new LinkedHashMap<>();
    LinkedHashSet<RiskEvent> history = new LinkedHashSet<>();
    for (Profile p : all) {
      for (RiskTag t : p.riskTags()) tags.merge(t.code(), t, (a, b) -> b.since().isBefore(a.since()) ? b : a);
      history.addAll(p.riskHistory());
    }
    List<RiskEvent> ordered = new ArrayList<>(history);
    ordered.sort(Comparator.comparing(RiskEvent::at)); // stable: events of one moment keep their order
    Profile base = survivor != null ? survivor : absorbed.get(0);
    return new Profile(base.profileId(), base.version(), base.kind(), base.createdAt(), base.updatedAt(),
        base.records(), base.golden(), base.lineage(), base.orders(), base.tier(), List.copyOf(tags.values()),
        ordered);
  }
}
