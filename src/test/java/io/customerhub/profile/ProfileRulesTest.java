package io.customerhub.profile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProfileRulesTest {

  @Test
  void shippedConfigurationSpellsOutTheDefaults() {
    assertEquals(ProfileRules.defaults(), ProfileRules.load(Path.of("conf")));
  }

  @Test
  void missingSectionsFallBackToDefaults() {
    ProfileRules rules = ProfileRules.fromMaps(Map.of("tiers", Map.of("fallback", "basic")), Map.of());
    assertEquals("basic", rules.tiers().fallback());
    assertEquals(SurvivorshipRules.defaults(), rules.survivorship());
  }

  @Test
  void typosAndBadValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ProfileRules.fromMaps(Map.of("tier", Map.of()), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ProfileRules.fromMaps(Map.of("survivorship",
        Map.of("default", Map.of("strategy", "most_loved"))), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ProfileRules.fromMaps(Map.of("tiers",
        Map.of("rules", java.util.List.of(Map.of("tier", "gold", "topPercent", 150)))), Map.of()));
  }
}
