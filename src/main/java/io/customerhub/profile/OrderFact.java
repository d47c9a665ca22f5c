package io.customerhub.profile;

import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;

import java.math.BigDecimal;
import java.time.Instant;

/** The latest known state of one order, as stored; the assembler aggregates these per profile. */
public record OrderFact(SourceKey key, Instant orderedAt, BigDecimal amount, String currency,
                        OrderStatus status, String channel, Instant updatedAt) {
}
