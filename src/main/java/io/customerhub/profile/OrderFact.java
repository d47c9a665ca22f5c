package io.customerhub.profile;

import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The latest known state of one order, as stored; the assembler aggregates these per profile. */
public record OrderFact(SourceKey key, Instant orderedAt, BigDecimal amount, String currency,
                        OrderStatus status, String channel, Instant updatedAt) {

  /**
   * How far ahead of the hub's clock an order may be dated and still be taken as placed now: a day covers every
   * time zone's offset read as UTC and clocks that drift. One dated further ahead is a typo (2062 for 2026).
   */
  public static final Duration CLOCK_SLACK = Duration.ofDays(1);

  /** Whether the order is dated further ahead of {@code now} than {@link #CLOCK_SLACK}: a date nobody can trust. */
  public boolean datedAhead(Instant now) {
    return orderedAt != null && orderedAt.isAfter(now.plus(CLOCK_SLACK));
  }
}
