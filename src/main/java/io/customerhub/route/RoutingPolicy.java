package io.customerhub.route;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.customerhub.profile.Profile;
import io.customerhub.profile.RulesJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routing and prioritization policy (conf/routing.json). {@code lanes} are tried in order and the first rule
 * whose criteria all hold decides the lane: {@code riskCodes} holds when the profile carries any of them,
 * {@code tiers} when its tier is one of them. The priority (0–100) adds up {@code priority.base} and the points
 * for the tier, each risk code and the lane. {@code serviceLevels} and {@code waiting} drive the
 * {@link Prioritizer}. Missing sections fall back to {@link #defaults()}, which the shipped file spells out.
 */
public record RoutingPolicy(List<LaneRule> lanes, Lane defaultLane, @JsonProperty("unknownCustomer") Unknown unknown,
                            Points priority,
                            ServiceLevels serviceLevels, Waiting waiting) {

  public record LaneRule(Lane lane, List<String> riskCodes, List<String> tiers) {
    public LaneRule {
      riskCodes = riskCodes == null ? List.of() : List.copyOf(riskCodes);
      tiers = tiers == null ? List.of() : List.copyOf(tiers);
      if (lane == null || (riskCodes.isEmpty() && tiers.isEmpty())) {
        throw new IllegalArgumentException("lane rule needs a lane and riskCodes or tiers");
      }
    }
  }

  /** Lane and priority for work whose customer the hub does not know. */
  public record Unknown(Lane lane, int priority) {
  }

  public record Points(int base, Map<String, Integer> tiers, Map<String, Integer> risks, Map<Lane, Integer> lanes) {
    public Points {
      tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
      risks = risks == null ? Map.of() : Map.copyOf(risks);
      lanes = lanes == null ? Map.of() : Map.copyOf(lanes);
    }
  }

  public RoutingPolicy {
    Defaults d = Defaults.INSTANCE;
    lanes = lanes == null ? d.lanes : List.copyOf(lanes);
    if (defaultLane == null) defaultLane = Lane.STANDARD;
    if (unknown == null) unknown = d.unknown;
    if (priority == null) priority = d.points;
    if (serviceLevels == null) serviceLevels = ServiceLevels.defaults();
    if (waiting == null) waiting = Waiting.defaults();
  }

  public static RoutingPolicy defaults() {
    return new RoutingPolicy(null, null, null, null, null, null);
  }

  /** Reads {@code routing.json} from the configuration directory; a missing file means defaults. */
  public static RoutingPolicy load(Path confDir) {
    Path file = confDir.resolve("routing.json");
    return Files.exists(file) ? RulesJson.read(file, RoutingPolicy.class) : defaults();
  }

  public static RoutingPolicy fromMap(Map<String, ?> json) {
    return RulesJson.convert(json, RoutingPolicy.class);
  }

  public RoutingDecision decide(Profile profile) {
    List<String> codes = profile.riskCodes();
    String tier = profile.tier();
    Lane lane = defaultLane;
    Set<String> reasons = new LinkedHashSet<>();
    for (LaneRule rule : lanes) {
      List<String> hits = codes.stream().filter(rule.riskCodes()::contains).toList();
      boolean risksHold = rule.riskCodes().isEmpty() || !hits.isEmpty();
      boolean tierHolds = rule.tiers().isEmpty() || rule.tiers().contains(tier);
      if (risksHold && tierHolds) {
        lane = rule.lane();
        hits.forEach(c -> reasons.add(riskReason(c)));
        if (!rule.tiers().isEmpty()) reasons.add(tierReason(tier));
        break;
      }
    }
    if (reasons.isEmpty()) reasons.add("DEFAULT_LANE");
    int score = priority.base() + priority.lanes().getOrDefault(lane, 0);
    int tierPoints = tier == null ? 0 : priority.tiers().getOrDefault(tier, 0);
    score += tierPoints;
    if (tierPoints != 0) reasons.add(tierReason(tier));
    for (String code : codes) {
      int points = priority.risks().getOrDefault(code, 0);
      score += points;
      if (points != 0) reasons.add(riskReason(code));
    }
    return new RoutingDecision(profile.profileId(), tier, codes, lane, clamp(score), new ArrayList<>(reasons));
  }

  public RoutingDecision unknownCustomer() {
    return new RoutingDecision(null, null, List.of(), unknown.lane(), clamp(unknown.priority()),
        List.of(RoutingDecision.UNKNOWN_CUSTOMER));
  }

  /** The time allowed for an item of {@code type} for a customer of {@code tier} (null tier: unknown customer). */
  public Duration serviceLevel(String tier, String type) {
    return serviceLevels.lookup(tier == null ? ServiceLevels.UNKNOWN : tier, type);
  }

  private static String riskReason(String code) {
    return "RISK_" + code;
  }

  private static String tierReason(String tier) {
    return "TIER_" + String.valueOf(tier).toUpperCase(Locale.ROOT);
  }

  private static int clamp(int score) {
    return Math.max(0, Math.min(100, score));
  }

  /** Built once; a holder class so the record's compact constructor can use them without static-init order issues. */
  private static final class Defaults {
    static final Defaults INSTANCE = new Defaults();
    final List<LaneRule> lanes = List.of(
        new LaneRule(Lane.HOLD, List.of("LITIGATION", "CREDIT_OVERDUE"), null),
        new LaneRule(Lane.REVIEW, List.of("CREDIT_LIMIT_EXCEEDED", "DATA_CONFLICT", "HIGH_RETURN_RATE"), null),
        new LaneRule(Lane.PRIORITY, null, List.of("platinum", "gold")));
    final Unknown unknown = new Unknown(Lane.STANDARD, 20);
    final Points points = new Points(30,
        Map.of("platinum", 50, "gold", 35, "silver", 20, "standard", 10, "none", 0),
        Map.of("NEW_CUSTOMER", 10, "DORMANT", 5, "HIGH_RETURN_RATE", -5),
        Map.of(Lane.HOLD, -20, Lane.REVIEW, 0, Lane.PRIORITY, 10, Lane.STANDARD, 0));
  }
}
