package io.customerhub.profile;

import io.customerhub.record.SourceKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** STUB: the unified profile; the profile work replaces it. Must round-trip through Jackson. */
public record Profile(String profileId, long version, Instant createdAt, Instant updatedAt, List<SourceKey> records,
                      Map<String, Object> golden, Map<String, Object> orders, String tier, List<Map<String, Object>> riskTags) {

  /** The HTTP answer shape of contract 1.3 as plain maps and lists; lineage only when asked for. */
  public Map<String, Object> toView(boolean lineage) {
    throw new UnsupportedOperationException("stub");
  }
}
