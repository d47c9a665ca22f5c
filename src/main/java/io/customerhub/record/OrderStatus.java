package io.customerhub.record;

import java.util.Locale;
import java.util.Optional;

/** Order lifecycle states of the contract. */
public enum OrderStatus {
  PLACED, PAID, SHIPPED, DELIVERED, RETURNED, CANCELLED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<OrderStatus> fromWire(String value) {
    if (value == null) return Optional.empty();
    String v = value.trim().toUpperCase(Locale.ROOT);
    if (v.equals("CANCELED")) v = "CANCELLED";
    for (OrderStatus s : values()) if (s.name().equals(v)) return Optional.of(s);
    return Optional.empty();
  }
}
