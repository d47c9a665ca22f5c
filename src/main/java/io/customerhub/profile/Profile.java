package io.customerhub.profile;

import io.customerhub.risk.RiskEvent;
import io.customerhub.risk.RiskTag;
import io.customerhub.record.SourceKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The unified profile: golden values with per-attribute lineage, order aggregates, value tier and risk tags.
 * Immutable and made of plain records, lists and maps, so it round-trips through a Jackson ObjectMapper (with
 * the JavaTimeModule) for PostgreSQL and the cache. {@code lineage} is always kept; the HTTP view shows it only
 * on request.
 */
public record Profile(String profileId, long version, String kind, Instant createdAt, Instant updatedAt,
                      List<SourceKey> records, Golden golden, Map<String, AttributeLineage> lineage,
                      OrderAggregates orders, String tier, List<RiskTag> riskTags, List<RiskEvent> riskHistory) {

  public Profile {
    records = records == null ? List.of() : List.copyOf(records);
    lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
    if (orders == null) orders = OrderAggregates.NONE;
    riskTags = riskTags == null ? List.of() : List.copyOf(riskTags);
    riskHistory = riskHistory == null ? List.of() : List.copyOf(riskHistory);
  }

  /** The codes of the risk tags currently holding, in tag order. */
  public List<String> riskCodes() {
    return riskTags.stream().map(RiskTag::code).toList();
  }

  /** The same profile with another lineage (none, or one derived again from the member records). */
  public Profile withLineage(Map<String, AttributeLineage> other) {
    return new Profile(profileId, version, kind, createdAt, updatedAt, records, golden, other, orders, tier, riskTags,
        riskHistory);
  }

  /** The HTTP answer shape of contract 1.3 as plain maps and lists; lineage only when asked for. */
  public Map<String, Object> toView(boolean lineage) {
    return ProfileView.of(this, lineage);
  }
}
