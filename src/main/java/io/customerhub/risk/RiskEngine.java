package io.customerhub.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates the rule set over a profile and reconciles the result with the previous tags: a tag that keeps
 * holding keeps its {@code since}; a new one is raised now; one that stopped holding is cleared. Both changes go
 * to the bounded history, so the profile remembers past risks after they clear. Pure and thread-safe.
 */
public final class RiskEngine {

  /** The current tags and the updated history. */
  public record Assessment(List<RiskTag> tags, List<RiskEvent> history) {
  }

  private final RiskRules rules;

  public RiskEngine(RiskRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public Assessment assess(RiskContext context, List<RiskTag> previousTags, List<RiskEvent> previousHistory) {
    Map<String, RiskTag> previous = new LinkedHashMap<>();
    for (RiskTag t : previousTags) previous.put(t.code(), t);
    Instant now = context.now();
    // Several rules may share a code (e.g. litigation seen in two sources): one tag, the worst severity.
    Map<String, RiskTag> fired = new LinkedHashMap<>();
    for (RiskRule rule : rules.rules()) {
      List<RiskEvidence> evidence = rule.evaluate(context);
      if (evidence.isEmpty()) continue;
      RiskTag before = fired.get(rule.code());
      if (before == null) {
        RiskTag old = previous.get(rule.code());
        fired.put(rule.code(), new RiskTag(rule.code(), rule.severity(), old == null ? now : old.since(), evidence));
      } else {
        List<RiskEvidence> all = new ArrayList<>(before.evidence());
        all.addAll(evidence);
        String severity = RiskRules.rank(rule.severity()) < RiskRules.rank(before.severity())
            ? rule.severity() : before.severity();
        fired.put(rule.code(), new RiskTag(rule.code(), severity, before.since(), all));
      }
    }
    List<RiskEvent> history = new ArrayList<>(previousHistory);
    for (RiskTag t : fired.values()) {
      if (!previous.containsKey(t.code())) history.add(new RiskEvent(t.code(), t.severity(), RiskEvent.RAISED, now));
    }
    for (RiskTag t : previous.values()) {
      if (!fired.containsKey(t.code())) history.add(new RiskEvent(t.code(), t.severity(), RiskEvent.CLEARED, now));
    }
    if (history.size() > rules.historyLimit()) {
      history = history.subList(history.size() - rules.historyLimit(), history.size());
    }
    List<RiskTag> tags = fired.values().stream()
        .sorted(Comparator.comparingInt((RiskTag t) -> RiskRules.rank(t.severity())).thenComparing(RiskTag::code))
        .toList();
    return new Assessment(tags, List.copyOf(history));
  }
}
