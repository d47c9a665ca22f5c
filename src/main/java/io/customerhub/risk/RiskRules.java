package io.customerhub.risk;

import io.customerhub.profile.RulesJson;
import io.customerhub.record.OrderStatus;
import io.customerhub.risk.Condition.Op;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The risk rule set (conf/risk.json): the rules, evaluated in order, and how many raised/cleared entries a
 * profile's risk history keeps. Severities are {@code critical, high, medium, low, info}.
 */
public record RiskRules(int historyLimit, List<RiskRule> rules) {

  public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");

  public RiskRules {
    if (historyLimit < 0) throw new IllegalArgumentException("historyLimit must not be negative, got " + historyLimit);
    if (historyLimit == 0) historyLimit = 50; // not given
    rules = rules == null ? defaultRules() : List.copyOf(rules);
    for (RiskRule r : rules) {
      if (r.code() == null || r.code().isBlank()) throw new IllegalArgumentException("risk rule without code");
      if (r.severity() == null || !SEVERITIES.contains(r.severity().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(r.code() + ": severity must be one of " + SEVERITIES);
      }
    }
  }

  public static RiskRules defaults() {
    return new RiskRules(50, null);
  }

  /** Reads {@code risk.json} from the configuration directory; a missing file means defaults. */
  public static RiskRules load(Path confDir) {
    Path file = confDir.resolve("risk.json");
    return Files.exists(file) ? RulesJson.read(file, RiskRules.class) : defaults();
  }

  public static RiskRules fromMap(Map<String, ?> json) {
    return RulesJson.convert(json, RiskRules.class);
  }

  /** The codes the rules raise, in rule order. */
  public Set<String> codes() {
    Set<String> out = new LinkedHashSet<>();
    for (RiskRule r : rules) out.add(r.code());
    return out;
  }

  /** Rank of a severity, 0 = most severe; unknown severities sort last. */
  public static int rank(String severity) {
    int i = severity == null ? -1 : SEVERITIES.indexOf(severity.toLowerCase(Locale.ROOT));
    return i < 0 ? SEVERITIES.size() : i;
  }

  private static List<RiskRule> defaultRules() {
    return List.of(
        new AttributeRule("CREDIT_OVERDUE", "high", "erp",
            List.of(new Condition("overdueDays", Op.GT, 30, null), new Condition("overdueAmount", Op.GT, 0, null)),
            null),
        new AttributeRule("CREDIT_LIMIT_EXCEEDED", "medium", "erp",
            List.of(new Condition("openReceivables", Op.GT, null, "creditLimit")), null),
        new OrderRatioRule("HIGH_RETURN_RATE", "medium", List.of(OrderStatus.RETURNED), 180, 5, 0.3),
        new AttributeRule("LITIGATION", "high", "risk", null, List.of(
            new Condition("litigationCount", Op.GT, 0, null), new Condition("enforcementCount", Op.GT, 0, null),
            new Condition("debtFlag", Op.TRUE, null, null), new Condition("overdueFlag", Op.TRUE, null, null))),
        new ConflictRule("DATA_CONFLICT", "medium", List.of("birthDate", "taxId", "nationalId")),
        new InvalidValueRule("INVALID_ID", "low", List.of("nationalId", "taxId")),
        new RecencyRule("DORMANT", "low", "lastOrderAt", 365, null),
        new RecencyRule("NEW_CUSTOMER", "info", "firstOrderAt", null, 90));
  }
}
