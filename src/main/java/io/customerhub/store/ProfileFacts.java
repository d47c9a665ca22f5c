package io.customerhub.store;

import io.customerhub.profile.Profile;

import java.math.BigDecimal;
import java.util.Map;

/** The few profile facts the store keeps in columns, for tier statistics and quick filters. */
final class ProfileFacts {

  private ProfileFacts() {
  }

  static String kind(Profile p) {
    Object kind = p.toView(false).get("kind");
    return kind == null ? null : kind.toString();
  }

  static String tier(Profile p) {
    return p.tier();
  }

  static BigDecimal value12m(Profile p) {
    Object orders = p.toView(false).get("orders");
    if (orders instanceof Map<?, ?> m && m.get("value12m") instanceof Number n) return new BigDecimal(n.toString());
    return BigDecimal.ZERO;
  }
}
