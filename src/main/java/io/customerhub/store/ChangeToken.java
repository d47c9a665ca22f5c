package io.customerhub.store;

import java.util.Optional;
import java.util.UUID;

/**
 * Where an export of profiles stood, to ask the next one for what changed since: the database's system identifier
 * (a cluster made anew, or restored from a dump, has another one and other transaction ids) and the oldest
 * transaction still running when the export began. Every transaction that commits after that moment has an id at
 * least that one, whatever its start, so "written by a transaction from this id on" loses no change; it may repeat
 * a few that the export already saw, which a consumer upserting by profile id takes twice without harm.
 *
 * @param database    {@code pg_control_system().system_identifier}, as PostgreSQL prints it
 * @param transaction {@code pg_snapshot_xmin} of a snapshot taken before the export's first read
 */
public record ChangeToken(String database, long transaction) {

  private static final String PREFIX = "c1.";

  public ChangeToken {
    if (database == null || database.isEmpty() || !database.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("database: not a system identifier");
    }
    if (transaction < 0) throw new IllegalArgumentException("transaction: negative");
  }

  /** The token as callers carry it, e.g. {@code c1.7716519045157615847.728}: opaque to them. */
  public String text() {
    return PREFIX + database + "." + transaction;
  }

  /** The token {@link #text()} wrote, or empty when {@code raw} is none. */
  public static Optional<ChangeToken> parse(String raw) {
    if (raw == null || !raw.startsWith(PREFIX)) return Optional.empty();
    String rest = raw.substring(PREFIX.length());
    int dot = rest.indexOf('.');
    if (dot <= 0 || dot > 20) return Optional.empty();
    try {
      return Optional.of(new ChangeToken(rest.substring(0, dot), Long.parseLong(rest.substring(dot + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Why this token cannot be answered by the database in {@code now}, or empty when it can: another database
   * (made anew or restored from a dump), or a transaction it has not reached (restored from a backup to an earlier
   * point). Either way only a whole export again gives the caller a true copy.
   */
  public Optional<String> unanswerableBy(ChangeState now) {
    if (!database.equals(now.database())) {
      return Optional.of("the token is of another database than this hub's (made anew or restored from a dump)");
    }
    if (transaction > now.nextTransaction()) {
      return Optional.of("the token is from a later state of this database than it has now (restored from a backup)");
    }
    return Optional.empty();
  }

  /** The database and its transactions as a snapshot taken now sees them. */
  public record ChangeState(String database, long oldestRunning, long nextTransaction) {

    /** The token an export that begins now gives for the next one. */
    public ChangeToken token() {
      return new ChangeToken(database, oldestRunning);
    }
  }

  /**
   * Where a page of changes ends: the writing transaction and the profile id of its last row, read in that order.
   * Written {@code 728.0f1e…}.
   */
  public record Cursor(long transaction, UUID profileId) {

    /** Before the first profile that {@code token}'s transaction or a later one wrote. */
    public static Cursor first(ChangeToken token) {
      return new Cursor(token.transaction(), new UUID(0, 0));
    }

    public String text() {
      return transaction + "." + profileId;
    }

    /** The cursor {@link #text()} wrote, or empty when {@code raw} is none. */
    public static Optional<Cursor> parse(String raw) {
      int dot = raw == null ? -1 : raw.indexOf('.');
      if (dot <= 0) return Optional.empty();
      try {
        long transaction = Long.parseLong(raw.substring(0, dot));
        String id = raw.substring(dot + 1);
        UUID profileId = UUID.fromString(id);
        // UUID.fromString takes "1-1-1-1-1" too; only the form it writes comes back from a page
        if (transaction < 0 || !profileId.toString().equals(id)) return Optional.empty();
        return Optional.of(new Cursor(transaction, profileId));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
