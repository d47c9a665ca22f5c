package io.customerhub.risk;

import io.customerhub.profile.JsonValues;
import io.customerhub.record.SourceKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test on one attribute of one record: compared with a constant {@code value} or with another attribute of
 * the same record ({@code otherAttribute}, e.g. openReceivables &gt; creditLimit). Values may arrive as numbers or
 * as text (CSV sources), so comparisons parse numbers and {@code true} accepts the usual flag spellings.
 */
public record Condition(String attribute, Op op, Object value, String otherAttribute) {

  public enum Op { GT, GTE, LT, LTE, EQ, NE, TRUE }

  private static final Set<String> TRUTHY = Set.of("true", "yes", "y", "1", "t", "x");

  public Condition {
    if (attribute == null || attribute.isBlank()) throw new IllegalArgumentException("condition without attribute");
    if (op == null) throw new IllegalArgumentException("condition on " + attribute + " without op");
    if (op != Op.TRUE && value == null && otherAttribute == null) {
      throw new IllegalArgumentException("condition on " + attribute + " needs value or otherAttribute");
    }
    // a comparison with no number ("thirty") never held: the rule it belonged to could not fire, without a word
    if (EnumSet.of(Op.GT, Op.GTE, Op.LT, Op.LTE).contains(op) && value != null && otherAttribute == null
        && !(value instanceof Number) && !(value instanceof String s && isNumber(s))) {
      throw new IllegalArgumentException("condition on " + attribute + ": " + op.name().toLowerCase(Locale.ROOT)
          + " compares with a number, not '" + value + "'");
    }
  }

  /** The evidence this condition contributes when it holds for the record, empty otherwise. */
  public Optional<List<RiskEvidence>> test(SourceKey record, Map<String, Object> attributes) {
    return test(record, attributes, Map.of());
  }

  /**
   * The same, with the values of {@code settled} (attributes a steward set by hand on the whole profile) read in
   * place of the record's; such a value is evidence of the profile, from no record.
   */
  public Optional<List<RiskEvidence>> test(SourceKey record, Map<String, Object> attributes,
                                           Map<String, Object> settled) {
    Object actual = read(attribute, attributes, settled);
    if (actual == null) return Optional.empty();
    Object expected = otherAttribute == null ? value : read(otherAttribute, attributes, settled);
    if (op != Op.TRUE && expected == null) return Optional.empty();
    if (!holds(actual, expected)) return Optional.empty();
    List<RiskEvidence> evidence = new ArrayList<>();
    evidence.add(new RiskEvidence(settled.containsKey(attribute) ? null : record, attribute, JsonValues.plain(actual)));
    if (otherAttribute != null) {
      evidence.add(new RiskEvidence(settled.containsKey(otherAttribute) ? null : record, otherAttribute,
          JsonValues.plain(expected)));
    }
    return Optional.of(evidence);
  }

  private static boolean isNumber(String s) {
    try {
      new BigDecimal(s.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Object read(String name, Map<String, Object> attributes, Map<String, Object> settled) {
    return settled.containsKey(name) ? settled.get(name) : attributes.get(name);
  }

  private boolean holds(Object actual, Object expected) {
    if (op == Op.TRUE) return truthy(actual);
    BigDecimal a = number(actual);
    BigDecimal e = number(expected);
    if (a != null && e != null) {
      int c = a.compareTo(e);
      return switch (op) {
        case GT -> c > 0;
        case GTE -> c >= 0;
        case LT -> c < 0;
        case LTE -> c <= 0;
        case EQ -> c == 0;
        case NE -> c != 0;
        case TRUE -> throw new IllegalStateException();
      };
    }
    boolean same = text(actual).equals(text(expected));
    return switch (op) {
      case EQ -> same;
      case NE -> !same;
      default -> false;
    };
  }

  static boolean truthy(Object v) {
    if (v instanceof Boolean b) return b;
    BigDecimal n = number(v);
    if (n != null) return n.signum() != 0;
    return TRUTHY.contains(text(v));
  }

  static BigDecimal number(Object v) {
    if (v instanceof Number n) return new BigDecimal(n.toString());
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.strip().replace(",", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(Object v) {
    return v.toString().strip().toLowerCase(Locale.ROOT);
  }
}
