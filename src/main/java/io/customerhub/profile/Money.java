package io.customerhub.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money amounts are kept at scale 2 so that equal sums compare and serialize equal. */
final class Money {

  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private Money() {
  }

  static BigDecimal of(BigDecimal amount) {
    return amount == null ? ZERO : amount.setScale(2, RoundingMode.HALF_UP);
  }
}
