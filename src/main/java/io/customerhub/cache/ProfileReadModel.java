package io.customerhub.cache;

import io.customerhub.profile.Profile;
import io.customerhub.record.SourceKey;
import io.customerhub.store.ProfileChange;
import io.customerhub.store.ProfileCodec;
import io.customerhub.store.ProfileQueries;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What callers read: profile views and routing answers from the cache, read through from PostgreSQL on a miss,
 * and refreshed after every commit. Cache failures never fail a read: PostgreSQL answers instead.
 */
public final class ProfileReadModel {

  private static final Logger LOG = LoggerFactory.getLogger(ProfileReadModel.class);

  private final ProfileCache cache;
  private final ProfileQueries queries;
  private final Function<Profile, String> routingRenderer;

  public ProfileReadModel(ProfileCache cache, ProfileQueries queries, Function<Profile, String> routingRenderer) {
    this.cache = cache;
    this.queries = queries;
    this.routingRenderer = routingRenderer;
  }

  /** A lookup's answer: a rendered view, a redirect to the survivor of a merge, or nothing. */
  public record View(String json, String mergedInto) {
    public static final View NONE = new View(null, null);

    public boolean found() {
      return json != null;
    }
  }

  public Future<View> byId(UUID id) {
    return cache.profile(id.toString())
        .otherwiseEmpty()
        .compose(entry -> entry != null ? Future.succeededFuture(new View(entry.view(), entry.mergedInto()))
            : queries.byId(id).map(this::fill));
  }

  public Future<View> byKey(SourceKey key) {
    return cache.profileIdOf(key.asString())
        .otherwiseEmpty()
        .compose(id -> id != null ? byId(UUID.fromString(id)) : queries.byKey(key.source(), key.sourceId()).map(this::fill));
  }

  /** The routing answer for a source key, or null when the hub does not know the customer. */
  public Future<String> routing(SourceKey key) {
    return cache.routing(key.asString())
        .otherwiseEmpty()
        .compose(answer -> answer != null ? Future.succeededFuture(answer)
            : queries.byKey(key.source(), key.sourceId()).map(stored -> {
              if (stored == null || !stored.active()) return null;
              fill(stored);
              return routingRenderer.apply(stored.profile());
            }));
  }

  /** The stored profile itself, for answers the cache does not hold (lineage, explanations). */
  public Future<ProfileQueries.Stored> stored(UUID id) {
    return queries.byId(id);
  }

  private View fill(ProfileQueries.Stored stored) {
    if (stored == null) return View.NONE;
    if ("merged".equals(stored.status())) {
      String survivor = stored.mergedInto().toString();
      cache.redirect(stored.profileId().toString(), stored.version(), survivor).onFailure(this::warn);
      return new View(null, survivor);
    }
    if (!stored.active()) return View.NONE;
    Profile p = stored.profile();
    String view = ProfileCodec.toView(p, false);
    cache.put(p.profileId(), p.version(), view, keysOf(p), routingRenderer.apply(p)).onFailure(this::warn);
    return new View(view, null);
  }

  /** Brings the cache up to date with committed changes; records that left the hub lose their keys. */
  public Future<Void> afterCommit(List<ProfileChange> changes, Collection<SourceKey> detached) {
    List<Future<Void>> writes = new ArrayList<>();
    for (ProfileChange c : changes) {
      String id = c.profileId().toString();
      if (c.profile() != null) {
        Profile p = c.profile();
        writes.add(cache.put(id, p.version(), ProfileCodec.toView(p, false), keysOf(p), routingRenderer.apply(p)));
      } else if (c.mergedInto() != null) {
        writes.add(cache.redirect(id, c.version(), c.mergedInto().toString()));
      } else {
        writes.add(cache.evictProfile(id));
      }
    }
    if (!detached.isEmpty()) writes.add(cache.evictKeys(detached.stream().map(SourceKey::asString).toList()));
    return Future.all(writes).onFailure(this::warn).<Void>mapEmpty().otherwiseEmpty();
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
