package io.customerhub.resolve;

import java.util.Locale;
import java.util.UUID;

/** What happened to one record of a batch, and the profile it belongs to afterwards (null if none). */
public record Outcome(Kind kind, UUID profileId, String error) {

  public enum Kind {
    /** A new record. */
    CREATED,
    /** A newer version replaced the stored one. */
    UPDATED,
    /** The same version again: nothing changed (idempotent redelivery). */
    UNCHANGED,
    /** Older than the stored version: ignored (out-of-order delivery). */
    STALE,
    /** Another record of the same batch with the same key was newer. */
    SUPERSEDED,
    /** Detached from its profile. */
    DELETED,
    /**
     * The customer was erased at their request: nothing of this version is stored, whatever it says (the source
     * still holds the record and should erase it too).
     */
    ERASED,
    /** Could not be processed. */
    REJECTED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Outcome of(Kind kind, UUID profileId) {
    return new Outcome(kind, profileId, null);
  }

  public static Outcome rejected(String error) {
    return new Outcome(Kind.REJECTED, null, error);
  }

  public boolean accepted() {
    return kind != Kind.REJECTED;
  }
}
