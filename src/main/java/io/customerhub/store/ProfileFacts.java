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

  static BigDecimal value12m(Profile p) {
    return p.orders() == null || p.orders().value12m() == null ? BigDecimal.ZERO : p.orders().value12m();
  }
}
