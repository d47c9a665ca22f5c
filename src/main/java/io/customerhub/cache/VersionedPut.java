package io.customerhub.cache;

import com.hazelcast.map.EntryProcessor;

import java.io.Serial;
import java.util.Map;

/**
 * Writes a cache value only if it is not older than the one there. Values are {@code version|profileId|payload}.
 * Runs on the member that owns the key, so two nodes committing changes to one profile in quick succession, or a
 * read-through racing a commit, can never leave an older version behind. A value of another profile always wins:
 * keys move between profiles only through merges and splits, which are newer by construction.
 */
public final class VersionedPut implements EntryProcessor<String, String, Boolean> {

  @Serial
  private static final long serialVersionUID = 1L;

  private final long version;
  private final String profileId;
  private final String payload;

  public VersionedPut(long version, String profileId, String payload) {
    this.version = version;
    this.profileId = profileId;
    this.payload = payload;
  }

  @Override
  public Boolean process(Map.Entry<String, String> entry) {
    String current = entry.getValue();
    if (current != null) {
      Versioned old = Versioned.parse(current);
      if (old.profileId().equals(profileId) && old.version() > version) return false;
    }
    entry.setValue(version + "|" + profileId + "|" + payload);
    return true;
  }

  /** A decoded cache value. */
  public record Versioned(long version, String profileId, String payload) {
    public static Versioned parse(String value) {
      int a = value.indexOf('|');
      int b = value.indexOf('|', a + 1);
      return new Versioned(Long.parseLong(value.substring(0, a)), value.substring(a + 1, b), value.substring(b + 1));
    }
  }
}
