package io.customerhub.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to route work for one customer. Carries only codes (profile id, tier, risk codes, lane, reason codes),
 * never names, contact data or identifiers from the sources, because routers may not see raw PII.
 */
public record RoutingDecision(String profileId, String tier, List<String> riskCodes, Lane lane, int priority,
                              List<String> reasons) {

  public static final String UNKNOWN_CUSTOMER = "UNKNOWN_CUSTOMER";

  public RoutingDecision {
    riskCodes = List.copyOf(riskCodes);
    reasons = List.copyOf(reasons);
  }

  /** The answer of {@code GET /api/v1/routing/{source}/{sourceId}}: exactly the contract's six fields. */
  public Map<String, Object> toView() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profileId", profileId);
    m.put("tier", tier);
    m.put("riskCodes", riskCodes);
    m.put("lane", lane.name());
    m.put("priority", priority);
    m.put("reasons", reasons);
    return m;
  }
}
