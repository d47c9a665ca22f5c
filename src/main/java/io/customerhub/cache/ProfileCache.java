package io.customerhub.cache;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Profile answers in Hazelcast, shared by every hub node, with a near cache on each node. Two maps: rendered
 * profile views by id (a merged-away id holds the survivor's id instead), and rendered routing answers by source
 * key, whose versioned value also names the profile, so that it doubles as the key index and the routing path is
 * one local lookup. PostgreSQL stays the truth: entries are written after commit through {@link VersionedPut},
 * misses are read through by the caller, and an empty cache simply fills again. A read-through only fills empty
 * entries, and a commit that removes a value leaves an expiring tombstone (read as a miss) in its place, so that a
 * read-through that read PostgreSQL before a commit never overwrites what that commit wrote. A commit's write that
 * fails is repaired later ({@link CacheRepairs}).
 */
public final class ProfileCache {

  public static final String PROFILES = "profiles";
  public static final String ROUTING = "routing";
  private static final String REDIRECT = "@";
  /**
   * How long a commit's tombstone keeps read-throughs that began before it out. A fill takes a database read and a
   * cache write, milliseconds or, under load, seconds; minutes leave a wide margin while deleted keys' tombstones
   * still go away on their own.
   */
  static final long TOMBSTONE_TTL_SECONDS = 600;

  private final Vertx vertx;
  private final IMap<String, String> profiles;
  private final IMap<String, String> routing;
  private final CacheRepairs repairs;

  public ProfileCache(Vertx vertx, HazelcastInstance hz) {
    this.vertx = vertx;
    this.profiles = hz.getMap(PROFILES);
    this.routing = hz.getMap(ROUTING);
    this.repairs = new CacheRepairs(vertx, (map, key, value) -> on(mapNamed(map).submitToKey(key, value)),
        this::emptied, TOMBSTONE_TTL_SECONDS);
  }

  /**
   * A profile's new state for {@link #write}: its view (null: leave the view to be read through), the source keys
   * that point to it, its routing answer.
   */
  public record ProfileState(String profileId, long version, String view, Set<String> sourceKeys,
                             String routingAnswer) {
  }

  /** A cached profile: its rendered view, or the id of the profile it was merged into; and its version. */
  public record Entry(String view, String mergedInto, long version) {
    static Entry decode(VersionedPut.Versioned value) {
      if (value == null) return null;
      String payload = value.payload();
      return payload.startsWith(REDIRECT) ? new Entry(null, payload.substring(1), value.version())
          : new Entry(payload, null, value.version());
    }
  }

  public Future<Entry> profile(String profileId) {
    return on(profiles.getAsync(profileId)).map(v -> Entry.decode(live(v)));
  }

  public Future<String> profileIdOf(String sourceKey) {
    return on(routing.getAsync(sourceKey)).map(v -> {
      VersionedPut.Versioned entry = live(v);
      return entry == null ? null : entry.profileId();
    });
  }

  public Future<String> routing(String sourceKey) {
    return on(routing.getAsync(sourceKey)).map(v -> {
      VersionedPut.Versioned answer = live(v);
      return answer == null ? null : answer.payload();
    });
  }

  /** A cached value, or null for a miss: a tombstone reads as one, so that the reader asks PostgreSQL. */
  private static VersionedPut.Versioned live(String value) {
    if (value == null) return null;
    VersionedPut.Versioned v = VersionedPut.Versioned.parse(value);
    return v.tombstone() ? null : v;
  }

  /**
   * Puts what a read-through found in PostgreSQL into the entries that are still empty: a value there was written
   * by a commit after, or at least as late as, that read (see {@link VersionedPut}).
   */
  public Future<Void> fill(ProfileState state) {
    Map<String, VersionedPut> answers = new HashMap<>();
    VersionedPut answer = VersionedPut.fill(state.version(), state.profileId(), state.routingAnswer());
    for (String key : state.sourceKeys()) answers.put(key, answer);
    Map<String, VersionedPut> views = state.view() == null ? Map.of()
        : Map.of(state.profileId(), VersionedPut.fill(state.version(), state.profileId(), state.view()));
    return write(views, answers, false);
  }

  /** As {@link #fill(ProfileState)}, for a profile PostgreSQL answered as merged into {@code survivorId}. */
  public Future<Void> fillRedirect(String profileId, long version, String survivorId) {
    return write(Map.of(profileId, VersionedPut.fill(version, profileId, REDIRECT + survivorId)), Map.of(), false);
  }

  /** The cached value of a profile merged into {@code survivorId}: readers are sent on to the survivor. */
  public static VersionedPut redirectOf(String profileId, long version, String survivorId) {
    return new VersionedPut(version, profileId, REDIRECT + survivorId);
  }

  /** The cached value of a deleted profile: a miss for readers, and no read-through that began before wins. */
  public static VersionedPut deletedOf(String profileId, long version) {
    return VersionedPut.tombstone(version, profileId, TOMBSTONE_TTL_SECONDS);
  }

  /**
   * Writes a commit: many profiles' states, what replaces the views of profiles that are gone (merged-away id to
   * its redirect, deleted id to {@link #deletedOf}), and tombstones for the source keys that left the hub.
   * One invocation per key, all sent at once. A key whose write fails is repaired later ({@link CacheRepairs}).
   */
  public Future<Void> write(List<ProfileState> states, Map<String, VersionedPut> gone,
                            Collection<String> detachedKeys) {
    Map<String, VersionedPut> views = new HashMap<>(gone);
    Map<String, VersionedPut> answers = new HashMap<>();
    // a detached key's former profile is not known here: any later commit's value for it replaces the tombstone
    VersionedPut detached = VersionedPut.tombstone(0, VersionedPut.NO_PROFILE, TOMBSTONE_TTL_SECONDS);
    for (String key : detachedKeys) answers.put(key, detached);
    // a key detached and linked again in one batch keeps its new value: states come after the tombstones
    for (ProfileState s : states) {
      if (s.view() != null) views.put(s.profileId(), new VersionedPut(s.version(), s.profileId(), s.view()));
      for (String key : s.sourceKeys()) answers.put(key, new VersionedPut(s.version(), s.profileId(), s.routingAnswer()));
    }
    return write(views, answers, true);
  }

  private Future<Void> write(Map<String, VersionedPut> views, Map<String, VersionedPut> answers, boolean commit) {
    List<CompletableFuture<Boolean>> writes = new ArrayList<>(views.size() + answers.size());
    submit(profiles, views, writes, commit);
    submit(routing, answers, writes, commit);
    // one completion for the caller's context however many keys: a batch's thousands of writes each completed a
    // promise of the event loop, a task for it per key (bench/cache-writes.sh: a quarter of the CPU per key)
    return on(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))).mapEmpty();
  }

  private void submit(IMap<String, String> map, Map<String, VersionedPut> values,
                      List<CompletableFuture<Boolean>> writes, boolean commit) {
    // One call per key. A call for many keys (submitToKeys) is an operation that visits every partition the keys
    // touch and gathers their answers: on one member here it took 0.3 ms for a single key against 0.03 for
    // submitToKey, and, over a batch of 64 keys, about four times the CPU per key (42 µs against 10.5).
    // A failed fill needs nothing: the entry keeps a state at least as new as the one it read.
    values.forEach((key, value) -> {
      CompletableFuture<Boolean> write = new CompletableFuture<>();
      // on the completing thread, as in on(): the repairs are kept under their own lock
      map.submitToKey(key, value).whenCompleteAsync((applied, failure) -> {
        if (failure == null) {
          write.complete(applied);
          return;
        }
        if (commit) repairs.failed(map.getName(), key, value);
        write.completeExceptionally(failure);
      }, Runnable::run);
      writes.add(write);
    });
  }

  private IMap<String, String> mapNamed(String name) {
    return name.equals(PROFILES) ? profiles : routing;
  }

  /** Keys whose failed commit write still waits for its repair (a gauge: above zero, some answers may be stale). */
  public int repairsPending() {
    return repairs.pending();
  }

  /**
   * Replaces entries that may be older than PostgreSQL with {@link VersionedPut#repair repairs}, as a commit's write
   * is (a key whose write fails is repaired again later): views by profile id, routing answers by source key.
   */
  public Future<Void> repair(Map<String, VersionedPut> views, Map<String, VersionedPut> answers) {
    return write(views, answers, true);
  }

  /**
   * Empties the shared maps (every node's near cache follows); the next reads rebuild from PostgreSQL. On a worker
   * thread: it waits for every member.
   */
  public Future<Void> emptied() {
    return vertx.executeBlocking(() -> {
      profiles.clear();
      routing.clear();
      return null;
    });
  }

  /**
   * Hazelcast completes on its own threads; callers continue on the Vert.x context that asked. A near-cache hit
   * is already complete and is answered at once. The callback runs on the completing thread: left to its
   * default, Hazelcast hands callbacks to the common fork-join pool, which on a machine with two cores or fewer
   * starts a new thread for each one (one thread per cache read).
   */
  private <T> Future<T> on(CompletionStage<T> stage) {
    CompletableFuture<T> done = stage.toCompletableFuture();
    if (done.isDone() && !done.isCompletedExceptionally()) return Future.succeededFuture(done.join());
    Promise<T> promise = ((ContextInternal) vertx.getOrCreateContext()).promise();
    stage.whenCompleteAsync((value, failure) -> {
      if (failure != null) promise.fail(failure);
      else promise.complete(value);
    }, Runnable::run);
    return promise.future();
  }
}
