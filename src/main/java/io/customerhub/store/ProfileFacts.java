package io.customerhub.store;

import io.customerhub.profile.Profile;

import java.math.BigDecimal;

/** The few profile facts the store keeps in columns, for tier statistics and quick filters. */
final class ProfileFacts {

  private ProfileFacts() {
  }

  static String kind(Profile p) {
    return p.kind();
  }

  static String tier(Profile p) {
    return p.tier();
  }

  /**
   * The codes of the profile's current risk tags as a PostgreSQL array literal, each quoted, so that a code from
   * configuration with a comma or a brace in it stays one element; {@code {}} for none or no profile.
   */
  static String riskCodes(Profile p) {
    if (p == null || p.riskCodes().isEmpty()) return "{}";
    StringBuilder out = new StringBuilder("{");
    for (String code : p.riskCodes()) {
      if (out.length() > 1) out.append(',');
      out.append('"').append(code.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return out.append('}').toString();
  }

  static BigDecimal value12m(Profile p) {
    return p.orders() == null || p.orders().value12m() == null ? BigDecimal.ZERO : p.orders().value12m();
  }
}
