package io.customerhub.serve;

import java.util.UUID;

/** Path and query parameters read strictly: a value that is not what the parameter takes is a 400 naming it. */
final class Params {

  private Params() {
  }

  /** {@code raw} as a whole number from {@code min} to {@code max}. */
  static long number(String name, String raw, long min, long max) {
    try {
      long v = Long.parseLong(raw);
      if (v >= min && v <= max) return v;
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw HubException.invalid(name + ": '" + raw + "' is not a whole number from " + min + " to " + max);
  }

  /** {@code raw} as a profile id. */
  static UUID profileId(String name, String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw HubException.invalid(name + ": '" + raw + "' is not a profile id (a UUID)");
    }
  }
}
