package io.customerhub.cache;

import io.customerhub.profile.Profile;
import io.customerhub.record.SourceKey;
import io.customerhub.store.ProfileChange;
import io.customerhub.store.ProfileCodec;
import io.customerhub.store.ProfileQueries;
import io.customerhub.support.Chunks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What callers read: profile views and routing answers from the cache, read through from PostgreSQL on a miss,
 * and refreshed after every commit. Cache failures never fail a read: PostgreSQL answers instead.
 */
public final class ProfileReadModel {

  private static final Logger LOG = LoggerFactory.getLogger(ProfileReadModel.class);
  /**
   * How long a read waits for the cache before PostgreSQL answers instead: a member that stopped answering held
   * reads of its partitions for as long as it was frozen (25 s in a test), where PostgreSQL answers in milliseconds.
   */
  static final long CACHE_READ_MILLIS = 500;

  private final Vertx vertx;
  private final ProfileCache cache;
  private final ProfileQueries queries;
  private final Function<Profile, String> routingRenderer;

  public ProfileReadModel(Vertx vertx, ProfileCache cache, ProfileQueries queries,
                          Function<Profile, String> routingRenderer) {
    this.vertx = vertx;
    this.cache = cache;
    this.queries = queries;
    this.routingRenderer = routingRenderer;
  }

  /**
   * A lookup's answer: a rendered view, a redirect to the survivor of a merge, or nothing; {@code version} is the
   * profile's, which answers carry as their ETag without parsing the view.
   */
  public record View(String json, String mergedInto, long version) {
    public static final View NONE = new View(null, null, 0);

    public boolean found() {
      return json != null;
    }
  }

  public Future<View> byId(UUID id) {
    return cache.profile(id.toString())
        .timeout(CACHE_READ_MILLIS, TimeUnit.MILLISECONDS)
        .otherwiseEmpty()
        .compose(entry -> entry != null
            ? Future.succeededFuture(new View(entry.view(), entry.mergedInto(), entry.version()))
            : queries.byId(id).compose(this::fill));
  }

  /**
   * The profile of the record of {@code key}; for the key of an order that names its customer, that customer's
   * (orders are no records of a profile, but a caller holding an order's key asks about its customer, as routing
   * does).
   */
  public Future<View> byKey(SourceKey key) {
    return cache.profileIdOf(key.asString())
        .timeout(CACHE_READ_MILLIS, TimeUnit.MILLISECONDS)
        .otherwiseEmpty()
        .compose(id -> id != null ? byId(UUID.fromString(id))
            : storedByKeyOrOrder(key).compose(this::fill));
  }

  /** The stored profile of the record of {@code key}, else of the customer the order of {@code key} names. */
  private Future<ProfileQueries.Stored> storedByKeyOrOrder(SourceKey key) {
    return queries.byKey(key.source(), key.sourceId()).compose(stored -> stored != null
        ? Future.succeededFuture(stored) : queries.byOrderKey(key.source(), key.sourceId()));
  }

  /**
   * The routing answer for a source key, or null when the hub does not know the customer. The key of an order that
   * names its customer is answered for that customer: an order is routed by its own key as often as by the
   * customer's, and the hub had told its sender the customer's profile when it took the order.
   */
  public Future<String> routing(SourceKey key) {
    return cache.routing(key.asString())
        .timeout(CACHE_READ_MILLIS, TimeUnit.MILLISECONDS)
        .otherwiseEmpty()
        .compose(answer -> answer != null ? Future.succeededFuture(answer)
            : storedByKeyOrOrder(key).compose(stored -> {
              if (stored == null || !stored.active()) return Future.succeededFuture(null);
              return fill(stored).map(v -> routingRenderer.apply(stored.profile()));
            }));
  }

  /** The stored profile itself, for answers the cache does not hold (lineage, explanations). */
  public Future<ProfileQueries.Stored> stored(UUID id) {
    return queries.byId(id);
  }

  /**
   * Puts what PostgreSQL answered into the cache and answers it once the cache holds it, so that the next read
   * on any node is a cache hit (new profiles' views arrive this way); a cache failure only costs that. Package
   * visible so that tests can replay a fill that read PostgreSQL before a commit.
   */
  Future<View> fill(ProfileQueries.Stored stored) {
    if (stored == null) return Future.succeededFuture(View.NONE);
    if ("merged".equals(stored.status())) {
      String survivor = stored.mergedInto().toString();
      return settled(cache.fillRedirect(stored.profileId().toString(), stored.version(), survivor),
          new View(null, survivor, stored.version()));
    }
    if (!stored.active()) return Future.succeededFuture(View.NONE);
    Profile p = stored.profile();
    String view = ProfileCodec.toView(p, false);
    return settled(cache.fill(state(p, view)), new View(view, null, p.version()));
  }

  /**
   * The answer once the cache holds it, or after {@link #CACHE_READ_MILLIS} at most: a frozen member held the
   * write of its partition, and with it a read PostgreSQL had answered, for 8 to 11 s; the write goes on meanwhile.
   */
  private Future<View> settled(Future<Void> cacheWrite, View answer) {
    return cacheWrite.onFailure(this::warn).timeout(CACHE_READ_MILLIS, TimeUnit.MILLISECONDS).otherwiseEmpty()
        .map(answer);
  }

  /** Brings the cache up to date with committed changes; records that left the hub lose their keys. */
  public Future<Void> afterCommit(List<ProfileChange> changes, Collection<SourceKey> detached) {
    if (changes.isEmpty() && detached.isEmpty()) return Future.succeededFuture();
    // rendering a batch's views is CPU work: a worker does it (a few in place), the event loop sends the result
    return Chunks.run(vertx, changes.size(), (from, to) -> render(changes.subList(from, to))).compose(parts -> {
      Rendered rendered = Rendered.of(parts);
      return cache.write(rendered.states(), rendered.gone(), detached.stream().map(SourceKey::asString).toList());
    }).onFailure(failure -> LOG.warn("cache write after a commit failed, its entries are repaired once the cluster"
        + " answers: {}", failure.getMessage())).<Void>mapEmpty().otherwiseEmpty();
  }

  /** Cache entries whose failed commit write waits for its repair. */
  public int repairsPending() {
    return cache.repairsPending();
  }

  /** A batch's new profile states, and what replaces the views of profiles that are gone (redirect, tombstone). */
  private record Rendered(List<ProfileCache.ProfileState> states, Map<String, VersionedPut> gone) {
    static Rendered of(List<Rendered> parts) {
      Rendered all = new Rendered(new ArrayList<>(), new HashMap<>());
      for (Rendered p : parts) {
        all.states().addAll(p.states());
        all.gone().putAll(p.gone());
      }
      return all;
    }
  }

  private Rendered render(List<ProfileChange> changes) {
    Rendered out = new Rendered(new ArrayList<>(), new HashMap<>());
    for (ProfileChange c : changes) {
      String id = c.profileId().toString();
      if (c.profile() != null) {
        // a new profile has no view in the cache to replace: rendering and shipping one for every record of a
        // bulk load would cost more than the first read that fills it; its routing answer is written, as the
        // latency-critical path should not wait for PostgreSQL
        boolean created = ProfileChange.CREATED.equals(c.type());
        out.states().add(state(c.profile(), created ? null : ProfileCodec.toView(c.profile(), false)));
      } else if (c.mergedInto() != null) {
        out.gone().put(id, ProfileCache.redirectOf(id, c.version(), c.mergedInto().toString()));
      } else {
        // a tombstone, not a removal: a read-through that found the profile before the delete must not bring it
        // back
        out.gone().put(id, ProfileCache.deletedOf(id, c.version()));
      }
    }
    return out;
  }

  private ProfileCache.ProfileState state(Profile p, String view) {
    return new ProfileCache.ProfileState(p.profileId(), p.version(), view, keysOf(p), routingRenderer.apply(p));
  }

  private static Set<String> keysOf(Profile p) {
    Set<String> keys = new LinkedHashSet<>();
    for (SourceKey k : p.records()) keys.add(k.asString());
    return keys;
  }

  private void warn(Throwable t) {
    LOG.warn("cache write failed, readers fall back to PostgreSQL: {}", t.getMessage());
  }
}
