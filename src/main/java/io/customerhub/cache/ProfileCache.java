package io.customerhub.cache;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Profile answers in Hazelcast, shared by every hub node, with a near cache on each node. Three maps: rendered
 * profile views by id (a merged-away id holds the survivor's id instead), the key index (source:sourceId to
 * profile id), and rendered routing answers by source key, so that the routing path is one local lookup.
 * PostgreSQL stays the truth: entries are written after commit through {@link VersionedPut}, misses are read
 * through by the caller, and an empty cache simply fills again.
 */
public final class ProfileCache {

  public static final String PROFILES = "profiles";
  public static final String KEYS = "profile-keys";
  public static final String ROUTING = "routing";
  private static final String REDIRECT = "@";

  private final Vertx vertx;
  private final IMap<String, String> profiles;
  private final IMap<String, String> keys;
  private final IMap<String, String> routing;

  public ProfileCache(Vertx vertx, HazelcastInstance hz) {
    this.vertx = vertx;
    this.profiles = hz.getMap(PROFILES);
    this.keys = hz.getMap(KEYS);
    this.routing = hz.getMap(ROUTING);
  }

  /** A cached profile: its rendered view, or the id of the profile it was merged into. */
  public record Entry(String view, String mergedInto) {
    static Entry decode(String value) {
      if (value == null) return null;
      String payload = VersionedPut.Versioned.parse(value).payload();
      return payload.startsWith(REDIRECT) ? new Entry(null, payload.substring(1)) : new Entry(payload, null);
    }
  }

  public Future<Entry> profile(String profileId) {
    return on(profiles.getAsync(profileId)).map(Entry::decode);
  }

  public Future<String> profileIdOf(String sourceKey) {
    return on(keys.getAsync(sourceKey)).map(v -> v == null ? null : VersionedPut.Versioned.parse(v).profileId());
  }

  public Future<String> routing(String sourceKey) {
    return on(routing.getAsync(sourceKey)).map(v -> v == null ? null : VersionedPut.Versioned.parse(v).payload());
  }

  /** A profile's new state: its view, the source keys that point to it, and its routing answer. */
  public Future<Void> put(String profileId, long version, String view, Set<String> sourceKeys, String routingAnswer) {
    List<Future<?>> writes = new ArrayList<>();
    writes.add(on(profiles.submitToKey(profileId, new VersionedPut(version, profileId, view))));
    if (!sourceKeys.isEmpty()) {
      writes.add(on(keys.submitToKeys(sourceKeys, new VersionedPut(version, profileId, ""))));
      writes.add(on(routing.submitToKeys(sourceKeys, new VersionedPut(version, profileId, routingAnswer))));
    }
    return Future.all(writes).mapEmpty();
  }

  public Future<Void> redirect(String profileId, long version, String survivorId) {
    return on(profiles.submitToKey(profileId, new VersionedPut(version, profileId, REDIRECT + survivorId))).mapEmpty();
  }

  public Future<Void> evictProfile(String profileId) {
    return on(profiles.removeAsync(profileId)).mapEmpty();
  }

  public Future<Void> evictKeys(Collection<String> sourceKeys) {
    List<Future<String>> removals = new ArrayList<>();
    for (String k : sourceKeys) {
      removals.add(on(keys.removeAsync(k)));
      removals.add(on(routing.removeAsync(k)));
    }
    return Future.all(removals).mapEmpty();
  }

  /** Empties the shared maps (every node's near cache follows); the next reads rebuild from PostgreSQL. */
  public void clear() {
    profiles.clear();
    keys.clear();
    routing.clear();
  }

  /** Hazelcast completes on its own threads; callers continue on the Vert.x context that asked. */
  private <T> Future<T> on(CompletionStage<T> stage) {
    Context ctx = vertx.getOrCreateContext();
    return Future.fromCompletionStage(stage, ctx);
  }
}
