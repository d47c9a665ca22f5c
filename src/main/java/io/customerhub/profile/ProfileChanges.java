package io.customerhub.profile;

import io.customerhub.risk.RiskTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two versions of a profile, for change events. {@code types} is a subset of
 * {@code created, updated, tier_changed, risk_tags_changed} ({@code merged} and {@code split} are known only to
 * the caller, who adds them). {@code changedAttributes} names golden attributes by canonical name
 * ({@code attributes.x} for source-specific ones) plus {@code records}, {@code orders}, {@code tier} and
 * {@code riskTags} when those changed. Versions, timestamps and lineage candidates alone are not changes a
 * consumer acts on.
 */
public record ProfileChanges(List<String> types, List<String> changedAttributes) {

  public static final String CREATED = "created";
  public static final String UPDATED = "updated";
  public static final String TIER_CHANGED = "tier_changed";
  public static final String RISK_TAGS_CHANGED = "risk_tags_changed";
  public static final String MERGED = "merged";
  public static final String SPLIT = "split";

  public ProfileChanges {
    types = List.copyOf(types);
    changedAttributes = List.copyOf(changedAttributes);
  }

  public boolean hasChanges() {
    return !types.isEmpty();
  }

  /** {@code before} null means the profile is new. */
  public static ProfileChanges between(Profile before, Profile after) {
    TreeSet<String> changed = new TreeSet<>();
    Golden a = before == null ? new Golden(null, null, null, null, null, null, null, null, null, null, null)
        : before.golden();
    Golden b = after.golden();
    for (String name : Golden.SINGLE) if (!Objects.equals(a.value(name), b.value(name))) changed.add(name);
    for (String name : Golden.MULTI) if (!Objects.equals(a.value(name), b.value(name))) changed.add(name);
    TreeSet<String> keys = new TreeSet<>(a.attributes().keySet());
    keys.addAll(b.attributes().keySet());
    for (String k : keys) {
      if (!Objects.equals(a.attributes().get(k), b.attributes().get(k))) changed.add(Golden.ATTRIBUTE_PREFIX + k);
    }
    boolean tier = before == null || !Objects.equals(before.tier(), after.tier());
    boolean risk = before == null ? !after.riskTags().isEmpty() : !signature(before).equals(signature(after));
    if (before == null || !before.records().equals(after.records())) changed.add("records");
    if (before == null || !before.orders().equals(after.orders())) changed.add("orders");
    if (tier) changed.add("tier");
    if (risk) changed.add("riskTags");
    List<String> types = new ArrayList<>();
    if (before == null) {
      types.add(CREATED);
    } else if (!changed.isEmpty()) {
      types.add(UPDATED);
    }
    if (before != null && tier) types.add(TIER_CHANGED);
    if (risk) types.add(RISK_TAGS_CHANGED);
    return new ProfileChanges(types, List.copyOf(changed));
  }

  /** Codes and severities: new evidence for a tag that keeps holding is not a tag change. */
  private static Map<String, String> signature(Profile p) {
    Map<String, String> m = new TreeMap<>();
    for (RiskTag t : p.riskTags()) m.put(t.code(), t.severity());
    return m;
  }
}
