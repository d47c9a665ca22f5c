package io.customerhub.app;

import io.customerhub.ingest.SourceMappings;
import io.customerhub.profile.ProfileRules;
import io.customerhub.resolve.match.MatchingConfig;
import io.customerhub.route.RoutingPolicy;
import io.customerhub.route.ServiceLevels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every rule file of {@code conf/}, read and checked before a node starts anything else: a mistake in one is
 * refused within a second, naming the file and the field, instead of after PostgreSQL, Hazelcast and the model
 * have started (the first start of an embedded PostgreSQL alone takes seconds).
 */
record HubRules(MatchingConfig matching, ProfileRules profile, RoutingPolicy routing, SourceMappings mappings) {

  static HubRules load(Path confDir) {
    // a missing rule file takes the built-in rules, which the shipped files spell out: said, since a --config
    // pointed at a folder holding hub.json alone ran every rule of its own choosing without a word
    for (String file : new String[] {"profile.json", "risk.json", "routing.json", "sources"}) {
      if (!java.nio.file.Files.exists(confDir.resolve(file))) {
        org.slf4j.LoggerFactory.getLogger(HubRules.class).warn("{} has no {}: {}", confDir, file,
            file.equals("sources") ? "no source has a mapping (every source sends canonical records)"
                : "the built-in rules are used (the shipped conf/" + file + " spells them out)");
      }
    }
    HubRules rules = new HubRules(MatchingConfig.load(confDir.resolve("matching.json")), ProfileRules.load(confDir),
        RoutingPolicy.load(confDir), SourceMappings.load(confDir));
    rules.checkRoutingNames();
    return rules;
  }

  /**
   * The risk codes and tiers routing.json names are those risk.json raises and profile.json gives: each file was
   * checked alone, and a typo ("LITIGATON", "platnum") took a lane, points or a service level away without a word
   * (a customer with overdue credit was no longer held).
   */
  void checkRoutingNames() {
    Set<String> codes = profile.risk().codes();
    Set<String> tiers = new LinkedHashSet<>();
    profile.tiers().rules().forEach(r -> tiers.add(r.tier()));
    tiers.add(profile.tiers().fallback());
    tiers.add(profile.tiers().noOrders());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < routing.lanes().size(); i++) {
      RoutingPolicy.LaneRule rule = routing.lanes().get(i);
      unknown(problems, "lanes[" + i + "].riskCodes", rule.riskCodes(), codes, "risk code of risk.json");
      unknown(problems, "lanes[" + i + "].tiers", rule.tiers(), tiers, "tier of profile.json");
    }
    unknown(problems, "priority.risks", routing.priority().risks().keySet(), codes, "risk code of risk.json");
    unknown(problems, "priority.tiers", routing.priority().tiers().keySet(), tiers, "tier of profile.json");
    Set<String> segments = new LinkedHashSet<>(tiers);
    segments.add(ServiceLevels.DEFAULT);
    segments.add(ServiceLevels.UNKNOWN);
    unknown(problems, "serviceLevels", routing.serviceLevels().bySegment().keySet(), segments,
        "tier of profile.json, 'default' or 'unknown'");
    if (!problems.isEmpty()) throw new IllegalArgumentException("routing.json: " + String.join("; ", problems));
  }

  private static void unknown(List<String> problems, String field, Collection<String> named, Set<String> known,
                              String what) {
    for (String n : named) {
      if (!known.contains(n)) {
        problems.add(field + ": '" + n + "' is no " + what + " (" + String.join(", ", known) + ")");
      }
    }
  }
}
