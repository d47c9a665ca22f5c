package io.customerhub.steward;

/**
 * Why a steward's action was not carried out: what it names does not exist, contradicts what is there, is still
 * being written by ingest (the same action succeeds a moment later), or changed since the steward read it.
 */
public final class StewardRefusal extends RuntimeException {

  /** How the refusal is answered. */
  public enum Kind { MISSING, CONFLICT, INVALID, UNFINISHED, STALE }

  private final Kind kind;

  private StewardRefusal(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  static StewardRefusal missing(String message) {
    return new StewardRefusal(Kind.MISSING, message);
  }

  static StewardRefusal conflict(String message) {
    return new StewardRefusal(Kind.CONFLICT, message);
  }

  static StewardRefusal unfinished(String message) {
    return new StewardRefusal(Kind.UNFINISHED, message);
  }

  /** The steward acted on a version of the profile that is not the current one (If-Match). */
  static StewardRefusal stale(String message) {
    return new StewardRefusal(Kind.STALE, message);
  }

  static StewardRefusal invalid(String message) {
    return new StewardRefusal(Kind.INVALID, message);
  }

  public Kind kind() {
    return kind;
  }
}
