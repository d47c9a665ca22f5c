package io.customerhub.store;

import io.customerhub.profile.Profile;
import io.customerhub.risk.RiskTag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileFactsTest {

  private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

  private static Profile withTags(String... codes) {
    List<RiskTag> tags = Arrays.stream(codes).map(c -> new RiskTag(c, "low", AT, List.of())).toList();
    return new Profile("p1", 1, "person", AT, AT, List.of(), null, null, null, null, tags, null);
  }

  @Test
  void riskCodesAreAnArrayLiteralWithEachCodeQuoted() {
    assertEquals("{}", ProfileFacts.riskCodes(null), "a deleted profile has none");
    assertEquals("{}", ProfileFacts.riskCodes(withTags()));
    assertEquals("{\"DATA_CONFLICT\",\"INVALID_ID\"}", ProfileFacts.riskCodes(withTags("DATA_CONFLICT", "INVALID_ID")));
    assertEquals("{\"A,B\",\"C\\\"D\",\"E\\\\F\",\"{G}\"}", ProfileFacts.riskCodes(withTags("A,B", "C\"D", "E\\F", "{G}")),
        "a comma, quote, backslash or brace in a configured code keeps it one element");
  }
}
