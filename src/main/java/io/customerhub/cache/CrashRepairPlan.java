package io.customerhub.cache;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a surviving node writes into the cache after a member left without saying its commits' cache writes were
 * done ({@link CrashRepair}): for every profile changed lately, a {@link VersionedPut#repair repair} of its view at
 * the version PostgreSQL holds now, and for every source key of those profiles, or moved or removed lately, a
 * repair at the version of the profile the key is in now ({@link VersionedPut#NO_PROFILE} for a key in none). An
 * entry already at that state stays as it is; one older, or of the profile a key has left, sends readers to
 * PostgreSQL, whose answer fills it again. Past {@code maxEntries}, emptying the cache is cheaper than repairing it
 * entry by entry.
 */
record CrashRepairPlan(Map<String, VersionedPut> views, Map<String, VersionedPut> answers, boolean emptyAll) {

  /** Nothing written entry by entry: the cache is emptied. */
  static final CrashRepairPlan EMPTY_ALL = new CrashRepairPlan(Map.of(), Map.of(), true);

  /** A profile as PostgreSQL holds it now. */
  record ProfileNow(String profileId, long version) {
  }

  /** A source key and the profile it is in now, with that profile's version; {@code profileId} null: in none. */
  record KeyNow(String key, String profileId, long version) {
  }

  static CrashRepairPlan of(List<ProfileNow> profiles, List<KeyNow> keys, int maxEntries, long ttlSeconds) {
    if (profiles.size() + keys.size() > maxEntries) return EMPTY_ALL;
    Map<String, VersionedPut> views = new HashMap<>();
    for (ProfileNow p : profiles) views.put(p.profileId(), VersionedPut.repair(p.version(), p.profileId(), ttlSeconds));
    Map<String, VersionedPut> answers = new HashMap<>();
    for (KeyNow k : keys) {
      answers.put(k.key(), k.profileId() == null ? VersionedPut.repair(0, VersionedPut.NO_PROFILE, ttlSeconds)
          : VersionedPut.repair(k.version(), k.profileId(), ttlSeconds));
    }
    return new CrashRepairPlan(views, answers, false);
  }

  /** The entries it replaces at most. */
  int size() {
    return views.size() + answers.size();
  }
}
