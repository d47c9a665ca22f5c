package io.customerhub.record;

import java.util.Locale;
import java.util.Optional;

/** What a canonical record describes. Orders reference a customer and are not identities of their own. */
public enum Kind {
  PERSON, ORGANIZATION, ORDER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Kind> fromWire(String value) {
    if (value == null) return Optional.empty();
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "person", "individual" -> Optional.of(PERSON);
      case "organization", "organisation", "org", "company", "business" -> Optional.of(ORGANIZATION);
      case "order" -> Optional.of(ORDER);
      default -> Optional.empty();
    };
  }
}
