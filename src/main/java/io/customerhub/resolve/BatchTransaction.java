package io.customerhub.resolve;

import io.customerhub.config.HubConfig;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.OrderInfo;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.store.ProfileChange;
import io.customerhub.store.ProfileStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The steps of resolving one batch inside one transaction: lock, read what is stored, link, write records, keys,
 * crosswalk, merges and orders, then recompute every profile the batch touched. One instance per attempt.
 */
final class BatchTransaction {

  /** A profile changed under us between reading candidates and locking them: the whole batch is retried. */
  static final class ConcurrentChange extends RuntimeException {
    ConcurrentChange(String message) {
      super(message, null, false, false);
    }
  }

  /** {@code scoredPairs} is the matcher's work for the {@code linked} identity records (the blocking's cost). */
  record Result(Map<Integer, Outcome> outcomes, Map<SourceKey, Outcome> byKey, List<ProfileChange> changes,
                int linked, int scoredPairs, int cappedKeys) {
    static final Result EMPTY = new Result(Map.of(), Map.of(), List.of(), 0, 0, 0);
  }

  private record Stored(Instant updatedAt, String hash, boolean deleted, UUID profileId) {
  }

  private final Vertx vertx;
  private final SqlConnection conn;
  private final Linker linker;
  private final ProfileStore profiles;
  private final String actor;
  private final HubConfig.Resolve config;
  private final HubMetrics.Laps laps;

  private final Map<Integer, Outcome> outcomes = new HashMap<>();
  private final Map<SourceKey, Outcome> byKey = new HashMap<>();
  private final Set<UUID> affected = new LinkedHashSet<>();
  private final Map<UUID, List<UUID>> absorbed = new HashMap<>();
  private final Map<UUID, Long> mergedAway = new HashMap<>();
  private final Map<UUID, UUID> mergedInto = new HashMap<>();
  private int linked;
  private int scoredPairs;
  private int cappedKeys;

  BatchTransaction(Vertx vertx, SqlConnection conn, Linker linker, ProfileStore profiles, String actor,
                   HubConfig.Resolve config, HubMetrics.Laps laps) {
    this.vertx = vertx;
    this.laps = laps;
    this.conn = conn;
    this.linker = linker;
    this.profiles = profiles;
    this.actor = actor;
    this.config = config;
  }

  Future<Result> run(List<Prepared> winners, Integer[] buckets) {
    Map<SourceKey, Stored> stored = new HashMap<>();
    List<Prepared> identities = new ArrayList<>();
    List<Prepared> orders = new ArrayList<>();
    List<Prepared> deletes = new ArrayList<>();
    List<Prepared> unchangedOrders = new ArrayList<>();
    return conn.query(ResolveSql.SHARED_WRITER_LOCK).execute()
        .compose(v -> conn.preparedQuery(ResolveSql.LOCK_BUCKETS).execute(Tuple.of(buckets)))
        .compose(v -> {
          laps.lap("lock");
          return conn.preparedQuery(ResolveSql.EXISTING_RECORDS).execute(keyArrays(winners));
        })
        .compose(rows -> {
          for (Row r : rows) {
            stored.put(new SourceKey(r.getString(0), r.getString(1)), new Stored(instant(r.getOffsetDateTime(2)),
                r.getString(3), r.getBoolean(4), r.getUUID(5)));
          }
          classify(winners, stored, identities, orders, deletes, unchangedOrders);
          return writeRecords(concat(identities, orders, deletes));
        })
        .compose(v -> {
          laps.lap("write-records");
          return linkIdentities(identities, stored);
        })
        .compose(v -> writeKeys(identities, deletes))
        .compose(v -> {
          laps.lap("write-links");
          return detach(deletes);
        })
        .compose(v -> writeOrders(orders, deletes))
        .compose(v -> answerOrders(unchangedOrders, false))
        .compose(v -> {
          laps.lap("write-orders");
          return profiles.recompute(conn, affected, new ProfileStore.Cause(absorbed, actor), laps);
        })
        .compose(changes -> ProfileStore.writeMergedAway(conn, mergedAway, mergedInto).map(changes))
        .map(changes -> new Result(outcomes, byKey, withMergedAway(changes), linked, scoredPairs,
            cappedKeys));
  }

  private void classify(List<Prepared> winners, Map<SourceKey, Stored> stored, List<Prepared> identities,
                        List<Prepared> orders, List<Prepared> deletes, List<Prepared> unchangedOrders) {
    for (Prepared p : winners) {
      Stored s = stored.get(p.key());
      if (s != null && !p.supersedes(s.updatedAt(), s.hash())) {
        Outcome.Kind kind = p.hash().equals(s.hash()) ? Outcome.Kind.UNCHANGED : Outcome.Kind.STALE;
        record(p, Outcome.of(kind, s.profileId()));
        if (!p.record().isIdentity() && !p.record().deleted()) unchangedOrders.add(p);
        continue;
      }
      if (p.record().deleted()) deletes.add(p);
      else if (p.isIdentity()) identities.add(p);
      else {
        orders.add(p);
        // a known order's newer state is an update, not a new order; answerOrders adds the profile
        record(p, Outcome.of(s == null || s.deleted() ? Outcome.Kind.CREATED : Outcome.Kind.UPDATED, null));
      }
      if (p.isIdentity() && p.record().order() != null) orders.add(p); // a guest order is both
    }
  }

  private void record(Prepared p, Outcome o) {
    outcomes.put(p.index(), o);
    byKey.put(p.key(), o);
  }

  /** Finds candidates through the batch's keys, locks their profiles, links, and writes merges and new profiles. */
  private Future<Void> linkIdentities(List<Prepared> identities, Map<SourceKey, Stored> stored) {
    if (identities.isEmpty()) return Future.succeededFuture();
    Set<String> keys = new LinkedHashSet<>();
    identities.forEach(p -> keys.addAll(p.keys()));
    Map<String, List<Candidate>> candidates = new HashMap<>();
    return conn.preparedQuery(ResolveSql.CANDIDATES_BY_KEY)
        .execute(pair(keys.toArray(String[]::new), config.maxCandidatesPerKey()))
        .compose(rows -> vertx.executeBlocking(() -> {
          laps.lap("candidates-read");
          for (Row r : rows) {
            String std = r.getString(4);
            Candidate candidate = new Candidate(new SourceKey(r.getString(1), r.getString(2)), r.getUUID(3).toString(),
                std == null ? null : StandardRecord.decode(std));
            for (String key : r.getArrayOfStrings(0)) {
              candidates.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
            }
          }
          candidates.forEach((key, found) -> {
            if (found.size() >= config.maxCandidatesPerKey()) {
              cappedKeys++;
              OversizedBlocks.report(key, config.maxCandidatesPerKey());
            }
          });
          return null;
        }, false))
        .compose(v -> {
          laps.lap("candidates-decode");
          Set<UUID> ids = new HashSet<>();
          candidates.values().forEach(list -> list.forEach(c -> ids.add(UUID.fromString(c.profileId()))));
          return conn.preparedQuery(ResolveSql.LOCK_PROFILES).execute(Tuple.of(ids.toArray(UUID[]::new)));
        })
        .compose(rows -> {
          Map<String, OffsetDateTime> created = new HashMap<>();
          for (Row r : rows) {
            if (!"active".equals(r.getString("status"))) {
              throw new ConcurrentChange("profile " + r.getUUID("profile_id") + " changed while linking");
            }
            created.put(r.getUUID("profile_id").toString(), r.getOffsetDateTime("created_at"));
          }
          return members(created.keySet()).compose(members -> {
            List<Linker.Item> items = new ArrayList<>();
            for (int i = 0; i < identities.size(); i++) {
              Prepared p = identities.get(i);
              items.add(new Linker.Item(i, p.standard(), p.keys()));
            }
            laps.lap("members");
            return vertx.executeBlocking(() -> linker.link(items, candidates, members), false)
                .compose(outcome -> {
                  laps.lap("link");
                  linked = identities.size();
                  scoredPairs = outcome.scoredPairs();
                  return applyLinks(identities, stored, outcome, created);
                });
          });
        });
  }

  /** The standardized members of the candidate profiles, when the linker's guard needs whole clusters. */
  private Future<Map<String, List<StandardRecord>>> members(Set<String> profileIds) {
    if (!linker.guarded() || profileIds.isEmpty()) return Future.succeededFuture(Map.of());
    UUID[] ids = profileIds.stream().map(UUID::fromString).toArray(UUID[]::new);
    return conn.preparedQuery(ResolveSql.MEMBER_STANDARDS).execute(Tuple.of(ids))
        .compose(rows -> vertx.executeBlocking(() -> {
          Map<String, List<StandardRecord>> out = new HashMap<>();
          for (Row r : rows) {
            out.computeIfAbsent(r.getUUID(0).toString(), k -> new ArrayList<>()).add(StandardRecord.decode(r.getString(3)));
          }
          return out;
        }, false));
  }

  private Future<Void> applyLinks(List<Prepared> identities, Map<SourceKey, Stored> stored, Linker.Outcome outcome,
                                  Map<String, OffsetDateTime> created) {
    Map<Integer, UUID> clusterProfile = new HashMap<>();
    List<UUID> newIds = new ArrayList<>();
    List<String> newKinds = new ArrayList<>();
    List<java.util.function.Supplier<Future<Void>>> merges = new ArrayList<>();
    for (Linker.Cluster c : outcome.clusters()) {
      if (c.existingProfiles().isEmpty()) {
        UUID id = UUID.randomUUID();
        newIds.add(id);
        newKinds.add(identities.get(c.items().get(0)).record().kind().wire());
        clusterProfile.put(c.id(), id);
        continue;
      }
      List<String> ordered = new ArrayList<>(c.existingProfiles());
      ordered.sort(Comparator.comparing((String p) -> created.get(p)).thenComparing(p -> p));
      UUID survivor = UUID.fromString(ordered.get(0));
      clusterProfile.put(c.id(), survivor);
      List<UUID> losers = ordered.subList(1, ordered.size()).stream().map(UUID::fromString).toList();
      if (!losers.isEmpty()) merges.add(() -> merge(survivor, losers, c, identities));
    }
    String[] sources = new String[identities.size()], ids = new String[identities.size()], matches = new String[identities.size()];
    UUID[] targets = new UUID[identities.size()];
    for (int i = 0; i < identities.size(); i++) {
      Prepared p = identities.get(i);
      Linker.Assignment a = outcome.assignments().get(i);
      UUID target = clusterProfile.get(a.cluster());
      sources[i] = p.key().source();
      ids[i] = p.key().sourceId();
      targets[i] = target;
      matches[i] = matchJson(a).encode();
      affected.add(target);
      Stored s = stored.get(p.key());
      record(p, Outcome.of(s == null || s.deleted() ? Outcome.Kind.CREATED : Outcome.Kind.UPDATED, target));
    }
    Future<Void> chain = conn.preparedQuery(ResolveSql.INSERT_PROFILES)
        .execute(pair(newIds.toArray(UUID[]::new), newKinds.toArray(String[]::new))).mapEmpty();
    for (var step : merges) chain = chain.compose(v -> step.get());
    return chain
        .compose(v -> writeReviews(outcome.reviews()))
        .compose(v -> conn.preparedQuery(ResolveSql.UPSERT_CROSSWALK).execute(Tuple.of(sources, ids, targets, matches)))
        .mapEmpty();
  }

  private Future<Void> writeReviews(List<Linker.ReviewPair> found) {
    return ReviewPairs.write(conn, found.stream()
        .map(r -> new ReviewPairs.Pair(r.left(), r.right(), r.decision())).toList());
  }

  private Future<Void> merge(UUID survivor, List<UUID> losers, Linker.Cluster cluster, List<Prepared> identities) {
    UUID[] loserArray = losers.toArray(UUID[]::new);
    JsonObject reason = new JsonObject().put("rule", "bridging-record")
        .put("records", cluster.items().stream().map(i -> identities.get(i).key().asString()).toList());
    absorbed.put(survivor, losers);
    affected.add(survivor);
    return conn.preparedQuery(ResolveSql.MERGE_CROSSWALK).execute(pair(survivor, loserArray))
        .compose(v -> conn.preparedQuery(ResolveSql.MARK_MERGED).execute(pair(survivor, loserArray)))
        .compose(rows -> {
          // profiles merged into a loser earlier now point at the survivor too: their redirects must follow
          for (Row r : rows) {
            mergedAway.put(r.getUUID(0), r.getLong(1));
            mergedInto.put(r.getUUID(0), survivor);
          }
          return conn.preparedQuery(ResolveSql.INSERT_MERGE_HISTORY)
              .execute(Tuple.of(survivor, loserArray, reason.encode(), actor));
        })
        .mapEmpty();
  }

  private static JsonObject matchJson(Linker.Assignment a) {
    JsonObject o = new JsonObject();
    if (a.decision() == null) return o.put("rule", "new-profile");
    o.put("rule", a.decision().rule()).put("band", a.decision().band().name()).put("score", a.decision().score());
    if (a.matchedWith() != null) {
      o.put("matchedWith", new JsonObject().put("source", a.matchedWith().source()).put("sourceId", a.matchedWith().sourceId()));
    }
    if (!a.decision().explanation().isEmpty()) o.put("explanation", new JsonObject(a.decision().explanation()));
    return o;
  }

  private Future<Void> writeRecords(List<Prepared> applied) {
    if (applied.isEmpty()) return Future.succeededFuture();
    int n = applied.size();
    String[] src = new String[n], id = new String[n], kind = new String[n], updated = new String[n], hash = new String[n],
        canonical = new String[n], raw = new String[n], standard = new String[n];
    Boolean[] deleted = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Prepared p = applied.get(i);
      CanonicalRecord r = p.record();
      src[i] = r.source();
      id[i] = r.sourceId();
      kind[i] = r.kind().wire();
      updated[i] = r.updatedAt() == null ? null : r.updatedAt().toString();
      hash[i] = p.hash();
      deleted[i] = r.deleted();
      canonical[i] = p.canonical();
      raw[i] = p.incoming().raw();
      standard[i] = p.standard() == null ? null : p.standard().encode();
    }
    return conn.preparedQuery(ResolveSql.UPSERT_RECORDS)
        .execute(Tuple.of(src, id, kind, updated, hash, deleted, canonical, raw, standard)).mapEmpty();
  }

  private Future<Void> writeKeys(List<Prepared> identities, List<Prepared> deletes) {
    List<Prepared> touched = concat(identities, deletes, List.of());
    if (touched.isEmpty()) return Future.succeededFuture();
    List<String> k = new ArrayList<>(), s = new ArrayList<>(), id = new ArrayList<>();
    List<Boolean> strong = new ArrayList<>();
    for (Prepared p : identities) {
      for (String key : p.keys()) {
        k.add(key);
        s.add(p.key().source());
        id.add(p.key().sourceId());
        strong.add(p.strongKeys().contains(key));
      }
    }
    return conn.preparedQuery(ResolveSql.DELETE_KEYS).execute(keyArrays(touched))
        .compose(v -> conn.preparedQuery(ResolveSql.INSERT_KEYS).execute(Tuple.of(k.toArray(String[]::new),
            s.toArray(String[]::new), id.toArray(String[]::new), strong.toArray(Boolean[]::new))))
        .mapEmpty();
  }

  private Future<Void> detach(List<Prepared> deletes) {
    if (deletes.isEmpty()) return Future.succeededFuture();
    deletes.forEach(p -> record(p, Outcome.of(Outcome.Kind.DELETED, null)));
    return conn.preparedQuery(ResolveSql.DELETE_CROSSWALK).execute(keyArrays(deletes))
        .map(rows -> {
          for (Row r : rows) affected.add(r.getUUID(0));
          return null;
        });
  }

  /** Stores the latest state of each order and marks the profiles of their customers for recomputation. */
  private Future<Void> writeOrders(List<Prepared> orders, List<Prepared> deletes) {
    List<Prepared> orderDeletes = deletes.stream().filter(p -> p.record().order() != null
        || p.record().kind() == io.customerhub.record.Kind.ORDER).toList();
    Future<Void> removed = orderDeletes.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(ResolveSql.DELETE_ORDERS).execute(keyArrays(orderDeletes))
        .compose(rows -> {
          List<SourceKey> customers = new ArrayList<>();
          for (Row r : rows) customers.add(new SourceKey(r.getString(0), r.getString(1)));
          return profilesOf(customers).map(found -> {
            affected.addAll(found.values());
            return null;
          });
        });
    if (orders.isEmpty()) return removed;
    int n = orders.size();
    String[] src = new String[n], id = new String[n], cs = new String[n], cid = new String[n], at = new String[n],
        amount = new String[n], cur = new String[n], status = new String[n], channel = new String[n], upd = new String[n];
    for (int i = 0; i < n; i++) {
      CanonicalRecord r = orders.get(i).record();
      OrderInfo o = r.order();
      SourceKey customer = customerOf(orders.get(i));
      src[i] = r.source();
      id[i] = r.sourceId();
      cs[i] = customer.source();
      cid[i] = customer.sourceId();
      at[i] = o.orderedAt() == null ? null : o.orderedAt().toString();
      amount[i] = o.amount() == null ? null : o.amount().toPlainString();
      cur[i] = o.currency();
      status[i] = o.status() == null ? null : o.status().wire();
      channel[i] = o.channel();
      upd[i] = r.updatedAt() == null ? null : r.updatedAt().toString();
    }
    return removed
        .compose(v -> conn.preparedQuery(ResolveSql.UPSERT_ORDERS).execute(Tuple.of(src, id, cs, cid, at, amount, cur,
            status, channel, upd)))
        .compose(v -> answerOrders(orders, true));
  }

  /** Answers orders with the profile of their customer, which may not be known yet (the order waits for it). */
  private Future<Void> answerOrders(List<Prepared> orders, boolean changed) {
    List<Prepared> referencing = orders.stream().filter(p -> !p.isIdentity()).toList();
    if (referencing.isEmpty()) return Future.succeededFuture();
    return profilesOf(referencing.stream().map(BatchTransaction::customerOf).toList()).map(found -> {
      for (Prepared p : referencing) {
        UUID profile = found.get(customerOf(p));
        if (changed) {
          if (profile != null) affected.add(profile);
          Outcome previous = outcomes.get(p.index());
          record(p, Outcome.of(previous == null ? Outcome.Kind.CREATED : previous.kind(), profile));
        } else {
          record(p, Outcome.of(outcomes.get(p.index()).kind(), profile));
        }
      }
      return null;
    });
  }

  private static SourceKey customerOf(Prepared order) {
    OrderInfo o = order.record().order();
    return o != null && o.customerRef() != null ? o.customerRef() : order.key();
  }

  private Future<Map<SourceKey, UUID>> profilesOf(List<SourceKey> customers) {
    return conn.preparedQuery(ResolveSql.PROFILES_OF_KEYS).execute(sourceKeyArrays(customers)).map(rows -> {
      Map<SourceKey, UUID> found = new HashMap<>();
      for (Row r : rows) found.put(new SourceKey(r.getString(0), r.getString(1)), r.getUUID(2));
      return found;
    });
  }

  private List<ProfileChange> withMergedAway(List<ProfileChange> changes) {
    List<ProfileChange> all = new ArrayList<>(changes);
    mergedAway.forEach((id, version) -> all.add(new ProfileChange(id, ProfileChange.MERGED, version, null,
        mergedInto.get(id), List.of())));
    return all;
  }

  private static Tuple keyArrays(List<Prepared> prepared) {
    return sourceKeyArrays(prepared.stream().map(Prepared::key).toList());
  }

  private static Tuple sourceKeyArrays(List<SourceKey> keys) {
    return pair(keys.stream().map(SourceKey::source).toArray(String[]::new),
        keys.stream().map(SourceKey::sourceId).toArray(String[]::new));
  }

  /**
   * Two parameters, explicitly: {@code Tuple.of(a, array)} would spread the array into separate parameters,
   * because it binds to the varargs overload.
   */
  private static Tuple pair(Object first, Object second) {
    return Tuple.tuple().addValue(first).addValue(second);
  }

  @SafeVarargs
  private static List<Prepared> concat(List<Prepared>... lists) {
    Set<Prepared> all = new LinkedHashSet<>();
    for (List<Prepared> l : lists) all.addAll(l);
    return new ArrayList<>(all);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
