package io.customerhub.route;

import io.customerhub.profile.Profile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.customerhub.route.Profiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoutingPolicyTest {

  private final RoutingPolicy policy = RoutingPolicy.defaults();

  @Test
  void shippedConfigurationSpellsOutTheDefaults() {
    assertEquals(RoutingPolicy.defaults(), RoutingPolicy.load(Path.of("conf")));
  }

  @Test
  void litigationHoldsEvenAPlatinumCustomer() {
    RoutingDecision d = policy.decide(profile("p1", "platinum", "LITIGATION", "NEW_CUSTOMER"));
    assertEquals(Lane.HOLD, d.lane());
    assertEquals(List.of("RISK_LITIGATION", "TIER_PLATINUM", "RISK_NEW_CUSTOMER"), d.reasons());
    assertEquals(70, d.priority(), "30 base - 20 hold + 50 platinum + 10 new customer");
  }

  @Test
  void creditOverdueHolds() {
    assertEquals(Lane.HOLD, policy.decide(profile("p1", "standard", "CREDIT_OVERDUE")).lane());
  }

  @Test
  void conflictsAndCreditLimitGoToReview() {
    assertEquals(Lane.REVIEW, policy.decide(profile("p1", "gold", "DATA_CONFLICT")).lane());
    RoutingDecision d = policy.decide(profile("p1", "silver", "CREDIT_LIMIT_EXCEEDED"));
    assertEquals(Lane.REVIEW, d.lane());
    assertEquals(List.of("RISK_CREDIT_LIMIT_EXCEEDED", "TIER_SILVER"), d.reasons());
  }

  @Test
  void valuableCustomersWithoutBlockingRisksArePrioritized() {
    RoutingDecision d = policy.decide(profile("p1", "gold", "DORMANT"));
    assertEquals(Lane.PRIORITY, d.lane());
    assertEquals(List.of("TIER_GOLD", "RISK_DORMANT"), d.reasons());
    assertEquals(80, d.priority());
  }

  @Test
  void everyoneElseIsStandard() {
    RoutingDecision d = policy.decide(profile("p1", "none"));
    assertEquals(Lane.STANDARD, d.lane());
    assertEquals(List.of("DEFAULT_LANE"), d.reasons());
    assertEquals(30, d.priority());
  }

  @Test
  void unknownCustomerGetsThePolicyDefault() {
    RoutingDecision d = policy.unknownCustomer();
    assertEquals(Lane.STANDARD, d.lane());
    assertEquals(List.of(RoutingDecision.UNKNOWN_CUSTOMER), d.reasons());
    assertEquals(20, d.priority());
  }

  @Test
  void viewHasExactlyTheContractFieldsAndNoPii() {
    Profile p = profile("p1", "gold", "DATA_CONFLICT");
    Map<String, Object> view = policy.decide(p).toView();
    assertEquals(List.of("profileId", "tier", "riskCodes", "lane", "priority", "reasons"), List.copyOf(view.keySet()));
    String text = view.toString();
    for (String pii : List.of("Wei", "Zhang", "wei@example.com", "138", "110101199003070011")) {
      assertFalse(text.contains(pii), pii);
    }
    assertEquals("REVIEW", view.get("lane"));
  }

  @Test
  void serviceLevelsFallBackFromTypeToSegmentToDefault() {
    assertEquals(Duration.ofHours(2), policy.serviceLevel("platinum", "complaint"));
    assertEquals(Duration.ofHours(4), policy.serviceLevel("platinum", "callback"));
    assertEquals(Duration.ofHours(24), policy.serviceLevel("standard", "complaint"));
    assertEquals(Duration.ofHours(48), policy.serviceLevel("standard", null));
    assertEquals(Duration.ofHours(72), policy.serviceLevel(null, "complaint"));
    assertEquals(Duration.ofHours(2), policy.serviceLevel("platinum", " Complaint"), "one type whatever its case");
  }

  @Test
  void badPoliciesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> RoutingPolicy.fromMap(Map.of("lanes",
        List.of(Map.of("lane", "HOLD")))));
    assertThrows(IllegalArgumentException.class, () -> RoutingPolicy.fromMap(Map.of("lanes",
        List.of(Map.of("lane", "PARKING", "tiers", List.of("gold"))))));
    assertThrows(IllegalArgumentException.class, () -> RoutingPolicy.fromMap(Map.of("serviceLevels",
        Map.of("gold", Map.of("default", "eight hours")))));
    assertThrows(IllegalArgumentException.class, () -> RoutingPolicy.fromMap(Map.of("serviceLevels",
        Map.of("gold", Map.of("complaint", "PT4H", "Complaint", "PT2H")))));
  }
}
