package io.customerhub.record;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The order part of a record of kind {@code order}. {@code customerRef} is null for guest orders, which carry
 * identity fields instead and are resolved like any customer record.
 */
public record OrderInfo(SourceKey customerRef, Instant orderedAt, BigDecimal amount, String currency,
                        OrderStatus status, String channel) {
}
