package io.customerhub.cache;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;

import java.io.Serial;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes a cache value unless the entry holds something newer. Values are {@code version|profileId|payload}. Runs
 * on the member that owns the key, so the decision and the write are one step: two nodes committing changes to one
 * profile in quick succession, or a read-through racing a commit, can never leave an older state behind.
 * <p>
 * Two kinds of writer, two rules:
 * <ul>
 *   <li>a commit ({@link #VersionedPut}) refuses only an older version of the same profile. A value of another
 *   profile always yields to it: keys move between profiles only through merges and splits, which commit after
 *   the value they replace, and versions of two profiles cannot be compared.</li>
 *   <li>a read-through {@link #fill} writes only into an empty entry, or over a tombstone its own profile left at
 *   its version or before. It read PostgreSQL at some moment before it arrives; whatever a commit wrote meanwhile
 *   (a newer version, the key's new profile after a split or merge, a {@link #tombstone}) is at least as new as
 *   what it read, and the commit's rule cannot tell that when the key moved to another profile.</li>
 * </ul>
 * A commit that removes something (a deleted profile, a detached source key) leaves a {@link #tombstone} instead
 * of an empty entry, so that a fill that read the state before it still finds the entry taken. Readers treat a
 * tombstone as a miss; it expires on its own so that tombstones of deleted keys do not pile up.
 */
public final class VersionedPut implements EntryProcessor<String, String, Boolean> {

  @Serial
  private static final long serialVersionUID = 2L;

  /** A tombstone's payload: no value. Real payloads (views, routing answers, redirects) are never empty. */
  static final String TOMBSTONE = "";

  /** The profile id of a tombstone whose profile is not known (a detached key): any commit's value replaces it. */
  static final String NO_PROFILE = "";

  private final long version;
  private final String profileId;
  private final String payload;
  private final boolean fill;
  private final long ttlSeconds;
  /** A late repair ({@link #repairOf}); a field added later, read as false from a node that predates it. */
  private final boolean repair;

  /** A committed value: it replaces anything but a newer version of the same profile. */
  public VersionedPut(long version, String profileId, String payload) {
    this(version, profileId, payload, false, 0, false);
  }

  private VersionedPut(long version, String profileId, String payload, boolean fill, long ttlSeconds,
                       boolean repair) {
    this.version = version;
    this.profileId = profileId;
    this.payload = payload;
    this.fill = fill;
    this.ttlSeconds = ttlSeconds;
    this.repair = repair;
  }

  /** A value read through from PostgreSQL: written only where the entry is empty. */
  public static VersionedPut fill(long version, String profileId, String payload) {
    return new VersionedPut(version, profileId, payload, true, 0, false);
  }

  /**
   * What a commit leaves where a value is gone: it keeps fills out and, for a known profile, older commits of that
   * profile too; it lives {@code ttlSeconds}, far longer than a fill takes from its read to its write.
   */
  public static VersionedPut tombstone(long version, String profileId, long ttlSeconds) {
    return new VersionedPut(version, profileId, TOMBSTONE, false, ttlSeconds, false);
  }

  /**
   * What makes this commit's value safe once its write failed and the entry may hold an older state: a tombstone
   * of the same version. Sending the value itself later is not safe, as a value of one profile replaces any
   * other profile's, and the key may have moved on meanwhile; a tombstone only sends readers to PostgreSQL. It
   * leaves alone a newer or equal version of the same profile (the write may have gone through after all), and the
   * first read-through at this version or later fills the entry again.
   */
  public VersionedPut repairOf(long ttlSeconds) {
    return repair(version, profileId, ttlSeconds);
  }

  /**
   * A tombstone that replaces an entry of another profile, or of {@code profileId} older than {@code version}, and
   * leaves a value at {@code version} or newer alone: sent where an entry may hold a state older than what
   * PostgreSQL holds now, it sends readers there only where it does. With {@link #NO_PROFILE} (a key in no profile
   * now) it replaces any profile's value.
   */
  public static VersionedPut repair(long version, String profileId, long ttlSeconds) {
    return new VersionedPut(version, profileId, TOMBSTONE, false, ttlSeconds, true);
  }

  @Override
  public Boolean process(Map.Entry<String, String> entry) {
    String current = entry.getValue();
    if (current != null && !replaces(Versioned.parse(current))) return false;
    String value = version + "|" + profileId + "|" + payload;
    // Hazelcast hands entry processors an ExtendedMapEntry; plain entries only appear in unit tests
    if (entry instanceof ExtendedMapEntry<String, String> extended) {
      // an explicit 0 (never expires) also clears the expiry of a tombstone this value replaces
      extended.setValue(value, ttlSeconds, TimeUnit.SECONDS);
    } else {
      entry.setValue(value);
    }
    return true;
  }

  private boolean replaces(Versioned old) {
    boolean sameProfile = old.profileId().equals(profileId);
    // a tombstone of this profile at this version or older: whatever it removed, this read is at least as new
    if (fill) return old.tombstone() && sameProfile && old.version() <= version;
    if (repair) return !sameProfile || old.version() < version;
    return !sameProfile || old.version() <= version;
  }

  /** A decoded cache value. */
  public record Versioned(long version, String profileId, String payload) {
    public static Versioned parse(String value) {
      int a = value.indexOf('|');
      int b = value.indexOf('|', a + 1);
      return new Versioned(Long.parseLong(value.substring(0, a)), value.substring(a + 1, b), value.substring(b + 1));
    }

    /** Whether a commit removed the value: readers take it for a miss and ask PostgreSQL. */
    public boolean tombstone() {
      return payload.equals(TOMBSTONE);
    }
  }
}
