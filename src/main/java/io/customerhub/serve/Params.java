package io.customerhub.serve;

import java.util.UUID;
import java.util.regex.Pattern;

/** Path and query parameters read strictly: a value that is not what the parameter takes is a 400 naming it. */
final class Params {

  /** The most items one page of a list answers (the review queue, the audit trail, the profiles with a risk tag). */
  static final int MAX_PAGE = 1000;
  private static final int DEFAULT_PAGE = 100;

  private Params() {
  }

  /** The {@code limit} of a page of a list: 100 unless the caller asks for 1 to {@link #MAX_PAGE}. */
  static int pageLimit(String raw) {
    return raw == null ? DEFAULT_PAGE : (int) number("limit", raw, 1, MAX_PAGE);
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

  /**
   * {@code raw} as a profile id, written as the hub writes them (36 characters, 8-4-4-4-12 hex digits): UUID's own
   * parser takes {@code 1-1-1-1-1} as an id, which then answered 404 where it is no id at all.
   */
  static UUID profileId(String name, String raw) {
    if (raw == null || !CANONICAL_UUID.matcher(raw).matches()) {
      throw HubException.invalid(name + ": '" + raw + "' is not a profile id (a UUID)");
    }
    return UUID.fromString(raw);
  }

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A {@code true}/{@code false} query parameter; {@code otherwise} when absent, a 400 naming it for anything else. */
  static boolean flag(String name, String raw, boolean otherwise) {
    if (raw == null) return otherwise;
    if (raw.equals("true")) return true;
    if (raw.equals("false")) return false;
    throw HubException.invalid(name + ": must be true or false, not '" + raw + "'");
  }
}
