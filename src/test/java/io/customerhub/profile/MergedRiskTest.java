package io.customerhub.profile;

import io.customerhub.risk.RiskEvent;
import io.customerhub.risk.RiskTag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class MergedRiskTest {

  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
  private static final Instant T3 = Instant.parse("2026-03-01T00:00:00Z");

  private static Profile profile(String id, List<RiskTag> tags, List<RiskEvent> history) {
    return new Profile(id, 3, "person", T1, T3, List.of(), null, null, null, "gold", tags, history);
  }

  private static RiskTag tag(String code, Instant since) {
    return new RiskTag(code, "high", since, List.of());
  }

  @Test
  void eachTagKeepsItsEarliestRaiseAndTheHistoriesAreOneInTimeOrder() {
    Profile survivor = profile("s", List.of(tag("DATA_CONFLICT", T2), tag("DORMANT", T3)),
        List.of(new RiskEvent("DATA_CONFLICT", "low", "raised", T2), new RiskEvent("DORMANT", "low", "raised", T3)));
    Profile absorbed = profile("a", List.of(tag("DATA_CONFLICT", T1), tag("CREDIT_OVERDUE", T2)),
        List.of(new RiskEvent("DATA_CONFLICT", "low", "raised", T1),
            new RiskEvent("CREDIT_OVERDUE", "high", "raised", T2)));

    Profile joined = MergedRisk.of(survivor, List.of(absorbed));

    assertEquals("s", joined.profileId(), "the survivor's, but for its risk");
    assertEquals("gold", joined.tier());
    assertEquals(List.of(tag("DATA_CONFLICT", T1), tag("DORMANT", T3), tag("CREDIT_OVERDUE", T2)), joined.riskTags());
    assertEquals(List.of(T1, T2, T2, T3), joined.riskHistory().stream().map(RiskEvent::at).toList());
  }

  @Test
  void nothingMergedIsTheSurvivorAsItWasAndASurvivorWithoutABodyTakesTheFirstAbsorbed() {
    Profile survivor = profile("s", List.of(), List.of());
    assertSame(survivor, MergedRisk.of(survivor, List.of()));
    Profile absorbed = profile("a", List.of(tag("LITIGATION", T1)), List.of());
    assertEquals(List.of(tag("LITIGATION", T1)), MergedRisk.of(null, List.of(absorbed)).riskTags());
    assertNull(MergedRisk.of(null, List.of()));
  }
}
