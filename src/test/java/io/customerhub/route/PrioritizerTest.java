package io.customerhub.route;

import io.customerhub.profile.Profile;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.route.Profiles.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrioritizerTest {

  private static final SourceKey PLATINUM = new SourceKey("crm", "P");
  private static final SourceKey STANDARD = new SourceKey("crm", "S");
  private static final SourceKey GOLD = new SourceKey("crm", "G");
  private static final Map<SourceKey, Profile> PROFILES = Map.of(PLATINUM, profile("p-plat", "platinum"),
      STANDARD, profile("p-std", "standard"), GOLD, profile("p-gold", "gold"));
  private static final Function<SourceKey, Optional<Profile>> LOOKUP = k -> Optional.ofNullable(PROFILES.get(k));

  private static WorkItem item(String id, SourceKey customer, String type, long minutesAgo) {
    return new WorkItem(id, customer, type, NOW.minus(Duration.ofMinutes(minutesAgo)));
  }

  private static List<String> ids(List<RankedItem> ranked) {
    return ranked.stream().map(RankedItem::id).toList();
  }

  @Test
  void higherTierFirstWhenNothingIsLate() {
    List<RankedItem> ranked = new Prioritizer(RoutingPolicy.defaults()).rank(List.of(
        item("s", STANDARD, "inquiry", 10), item("g", GOLD, "inquiry", 10), item("p", PLATINUM, "inquiry", 10)),
        LOOKUP, NOW);
    assertEquals(List.of("p", "g", "s"), ids(ranked));
    assertEquals(List.of(1, 2, 3), ranked.stream().map(RankedItem::rank).toList());
  }

  @Test
  void aBreachedSlaOutranksAFreshItemOfAHigherTier() {
    WorkItem lateStandard = item("late", STANDARD, "complaint", 25 * 60);
    WorkItem freshPlatinum = item("fresh", PLATINUM, "complaint", 1);
    List<RankedItem> ranked = new Prioritizer(RoutingPolicy.defaults())
        .rank(List.of(freshPlatinum, lateStandard), LOOKUP, NOW);
    assertEquals(List.of("late", "fresh"), ids(ranked));
    assertTrue(ranked.get(0).reasons().contains("SLA_BREACHED"));
  }

  @Test
  void tierWinsOverABreachWhenBreachPointsAreConfiguredSmall() {
    RoutingPolicy tierFirst = new RoutingPolicy(null, null, null, null, null, new Waiting(0.8, 5, 8, 10, 0.1, 5));
    List<RankedItem> ranked = new Prioritizer(tierFirst).rank(List.of(item("late", STANDARD, "complaint", 25 * 60),
        item("fresh", PLATINUM, "complaint", 1)), LOOKUP, NOW);
    assertEquals(List.of("fresh", "late"), ids(ranked));
  }

  @Test
  void itemsNearTheirSlaRise() {
    // Gold complaint SLA is 4h: 3h30 waited is past 80%; the other gold item is fresh.
    List<RankedItem> ranked = new Prioritizer(RoutingPolicy.defaults()).rank(List.of(
        item("fresh", GOLD, "complaint", 5), item("near", GOLD, "complaint", 210)), LOOKUP, NOW);
    assertEquals(List.of("near", "fresh"), ids(ranked));
    assertTrue(ranked.get(0).reasons().contains("SLA_NEAR"));
  }

  @Test
  void unknownCustomersGetTheDefaultAndTiesGoToTheOlderItem() {
    WorkItem unknown1 = item("u1", new SourceKey("crm", "nobody"), "inquiry", 10);
    WorkItem unknown2 = item("u2", null, "inquiry", 20);
    List<RankedItem> ranked = new Prioritizer(RoutingPolicy.defaults()).rank(List.of(unknown1, unknown2), LOOKUP, NOW);
    assertEquals(List.of("u2", "u1"), ids(ranked));
    assertEquals(List.of(RoutingDecision.UNKNOWN_CUSTOMER), ranked.get(1).reasons());
    assertTrue(ranked.get(1).score() >= 20 && ranked.get(1).score() < 21, "unknown priority 20 plus a little waiting");
  }

  @Test
  void viewCarriesIdRankScoreAndReasons() {
    RankedItem r = new Prioritizer(RoutingPolicy.defaults()).rank(List.of(item("x", GOLD, "inquiry", 0)), LOOKUP, NOW)
        .get(0);
    assertEquals(List.of("id", "rank", "score", "reasons"), List.copyOf(r.toView().keySet()));
    assertEquals(List.of("TIER_GOLD"), r.reasons());
    assertEquals(75.0, r.score());
  }

  @Test
  void anItemFromTheFarPastIsOverdueNotAnOverflow() {
    // an ISO-8601 timestamp may name any year: waited as milliseconds overflowed a long (a 500 on POST /priorities)
    WorkItem ancient = new WorkItem("old", STANDARD, "complaint", java.time.Instant.parse("-999999999-01-01T00:00:00Z"));
    List<RankedItem> ranked = new Prioritizer(RoutingPolicy.defaults())
        .rank(List.of(item("fresh", STANDARD, "complaint", 1), ancient), LOOKUP, NOW);
    assertEquals(List.of("old", "fresh"), ids(ranked));
    assertTrue(ranked.get(0).reasons().contains("SLA_BREACHED"));
    Waiting w = RoutingPolicy.defaults().waiting();
    assertEquals(w.breachPoints() + w.maxOverduePoints(), ranked.get(0).score() - ranked.get(1).score(), 0.1);
  }
}
