package io.customerhub.route;

import io.customerhub.profile.Golden;
import io.customerhub.profile.OrderAggregates;
import io.customerhub.profile.Profile;
import io.customerhub.risk.RiskTag;

import java.util.List;
import java.util.Map;

import static io.customerhub.profile.Records.NOW;

/** Profiles with just a tier and risk codes, which is all routing looks at. */
final class Profiles {

  private Profiles() {
  }

  static Profile profile(String id, String tier, String... riskCodes) {
    Golden golden = new Golden("Wei", "Zhang", null, null, null, "110101199003070011", null,
        List.of("wei@example.com"), List.of("+86 138 0013 8000"), List.of(), Map.of());
    List<RiskTag> tags = java.util.Arrays.stream(riskCodes).map(c -> new RiskTag(c, "high", NOW, List.of())).toList();
    return new Profile(id, 1, "person", NOW, NOW, List.of(), golden, Map.of(), OrderAggregates.NONE, tier, tags,
        List.of());
  }
}
