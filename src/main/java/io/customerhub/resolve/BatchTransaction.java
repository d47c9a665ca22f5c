package io.customerhub.resolve;

import io.customerhub.config.HubConfig;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.profile.ProfileIds;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.index.CandidateIndex;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.store.ProfileChange;
import io.customerhub.store.ProfileStore;
import io.customerhub.support.Chunks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The first of a batch's two transactions: lock, catch the candidate index up, read what is stored, link, write
 * records (with their key hashes), crosswalk, merges and orders, mark the profiles the batch touched (the second
 * transaction recomputes them) and log the change for every node's candidate index. One instance per attempt.
 */
final class BatchTransaction {

  /** A profile changed under us between reading candidates and locking them: the whole batch is retried. */
  static final class ConcurrentChange extends RuntimeException {
    ConcurrentChange(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A committed linking: each record's answer, what the second transaction recomputes ({@code affected},
   * {@code created} with their records, the {@code absorbed} profiles of merges) and clears ({@code token}), the
   * events of profiles merged away, the keys of records that left their profiles without being deleted
   * ({@code unlinked}), and the matcher's work ({@code scoredPairs} for the {@code linked} records).
   */
  record Result(Map<Integer, Outcome> outcomes, Map<SourceKey, Outcome> byKey, Set<UUID> affected,
                Map<UUID, List<CanonicalRecord>> created, Map<UUID, List<UUID>> absorbed, long token,
                List<ProfileChange> mergedAway, List<SourceKey> unlinked, int linked, int scoredPairs, int cappedKeys) {
    static final Result EMPTY =
        new Result(Map.of(), Map.of(), Set.of(), Map.of(), Map.of(), 0, List.of(), List.of(), 0, 0, 0);

    boolean recomputes() {
      return !affected.isEmpty() || !created.isEmpty();
    }
  }

  private record Stored(Instant updatedAt, String hash, boolean deleted, UUID profileId, boolean erased) {
  }

  private final Vertx vertx;
  private final SqlConnection conn;
  private final Linker linker;
  private final String actor;
  private final HubConfig.Resolve config;
  private final HubMetrics.Laps laps;

  private final BatchState state = new BatchState();
  /** Names this attempt's dirty marks: the second transaction clears exactly the marks the first one wrote. */
  private final long token = ThreadLocalRandom.current().nextLong();
  private final Function<UUID[], Future<Void>> awaitRecomputed;
  private final IndexSync sync;
  private final KeptApartSync keptApart;
  /** This attempt's change of the candidate index, once written: the caller says whether it committed. */
  private IndexSync.Appended appended;
  private final RecordWrites records;
  private final OrderWrites orderWrites;

  /**
   * @param awaitRecomputed completes once this node has finished recomputing the given profiles of earlier
   *                        batches (or after a bounded wait): a profile is first written by the second transaction
   *                        of the batch that created it, and cannot be locked and merged into before that
   */
  BatchTransaction(Vertx vertx, SqlConnection conn, Linker linker, String actor, HubConfig.Resolve config,
                   HubMetrics.Laps laps, Function<UUID[], Future<Void>> awaitRecomputed, IndexSync sync,
                   KeptApartSync keptApart) {
    this.keptApart = keptApart;
    this.vertx = vertx;
    this.sync = sync;
    this.awaitRecomputed = awaitRecomputed;
    this.laps = laps;
    this.records = new RecordWrites(conn, state);
    this.orderWrites = new OrderWrites(conn, state);
    this.conn = conn;
    this.linker = linker;
    this.actor = actor;
    this.config = config;
  }

  /** @param buckets the key buckets to lock, in ascending order; null for all of them */
  Future<Result> run(List<Prepared> winners, Integer[] buckets) {
    Map<SourceKey, Stored> stored = new HashMap<>();
    List<Prepared> identities = new ArrayList<>();
    List<Prepared> orders = new ArrayList<>();
    List<Prepared> deletes = new ArrayList<>();
    List<Prepared> leaving = new ArrayList<>();
    List<Prepared> unchangedOrders = new ArrayList<>();
    return conn.query(ResolveSql.SHARED_WRITER_LOCK).execute()
        .compose(v -> buckets == null ? conn.query(ResolveSql.LOCK_ALL_BUCKETS).execute()
            : conn.preparedQuery(ResolveSql.LOCK_BUCKETS).execute(Tuple.tuple().addValue(buckets)))
        .compose(v -> {
          laps.lap("lock");
          // the key locks are held: every change that could matter to this batch's candidates has committed, and
          // every steward's decision that could keep its records apart
          return sync.catchUp(conn).compose(x -> keptApart.refresh(conn));
        })
        .compose(v -> {
          laps.lap("index-catch-up");
          return conn.preparedQuery(ResolveSql.EXISTING_RECORDS).execute(SqlParams.keyArrays(winners));
        })
        .compose(rows -> {
          for (Row r : rows) {
            stored.put(new SourceKey(r.getString(0), r.getString(1)), new Stored(instant(r.getOffsetDateTime(2)),
                r.getString(3), r.getBoolean(4), r.getUUID(5), r.getBoolean(6)));
          }
          classify(winners, stored, identities, orders, deletes, leaving, unchangedOrders);
          return records.writeRecords(RecordWrites.concat(identities, orders, deletes), stored::containsKey);
        })
        .compose(v -> {
          laps.lap("write-records");
          return linkIdentities(identities, stored);
        })
        .compose(v -> records.detach(deletes))
        .compose(v -> records.unlink(leaving))
        .compose(v -> orderWrites.writeOrders(orders, deletes, stored::containsKey))
        .compose(v -> orderWrites.answerOrders(unchangedOrders, false))
        .compose(v -> ProfileStore.writeMergedAway(conn, state.mergedAway, state.mergedInto))
        .compose(v -> ProfileStore.markDirty(conn, token, state.toRecompute()))
        .compose(v -> {
          laps.lap("write-orders-marks");
          List<SourceKey> removed = RecordWrites.concat(deletes, leaving).stream().map(Prepared::key).toList();
          return sync.append(conn, new IndexSync.Changes(state.indexed, removed, state.mergedInto));
        })
        .map(a -> {
          appended = a;
          return state.result(token);
        });
  }

  /** The candidate index change this attempt wrote, or null if it wrote none (it failed before). */
  IndexSync.Appended appended() {
    return appended;
  }

  /**
   * Sorts the batch's newest versions by what they do; {@code leaving} are stored identity records that are not
   * any more (a guest order that now names its customer): also orders, they leave their profile as deletes do.
   */
  private void classify(List<Prepared> winners, Map<SourceKey, Stored> stored, List<Prepared> identities,
                        List<Prepared> orders, List<Prepared> deletes, List<Prepared> leaving,
                        List<Prepared> unchangedOrders) {
    for (Prepared p : winners) {
      Stored s = stored.get(p.key());
      if (s != null && s.erased()) {
        // the customer asked to be erased: nothing the source sends of this record again is kept
        state.record(p, Outcome.of(Outcome.Kind.ERASED, null));
        continue;
      }
      if (s != null && !p.supersedes(s.updatedAt(), s.hash())) {
        Outcome.Kind kind = p.hash().equals(s.hash()) ? Outcome.Kind.UNCHANGED : Outcome.Kind.STALE;
        state.record(p, Outcome.of(kind, s.profileId()));
        if (!p.record().isIdentity() && !p.record().deleted()) unchangedOrders.add(p);
        continue;
      }
      if (p.record().deleted()) deletes.add(p);
      else if (p.isIdentity()) identities.add(p);
      else {
        orders.add(p);
        // linked, so it was an identity record: left in its profile and the candidate index, it would go on
        // counting there and matching new records on the nodes that hold it (not on one that reloads its index)
        if (s != null && s.profileId() != null) {
          leaving.add(p);
          state.unlinked.add(p.key());
        }
        // a known order's newer state is an update, not a new order; answerOrders adds the profile
        state.record(p, Outcome.of(s == null || s.deleted() ? Outcome.Kind.CREATED : Outcome.Kind.UPDATED, null));
      }
      if (p.isIdentity() && p.record().order() != null) orders.add(p); // a guest order is both
    }
  }

  /** Finds candidates through the batch's keys, locks their profiles, links, and writes merges and new profiles. */
  private Future<Void> linkIdentities(List<Prepared> identities, Map<SourceKey, Stored> stored) {
    if (identities.isEmpty()) return Future.succeededFuture();
    // keys are stored as hashes: the batch's own keys say which key a hash stands for (two keys of one batch
    // sharing a hash would only share their candidates, which the scorer then compares)
    Map<Long, String> keyOf = new HashMap<>();
    for (Prepared p : identities) {
      for (String key : p.keys()) keyOf.putIfAbsent(KeyHash.of(key), key);
    }
    long[] hashes = keyOf.keySet().stream().mapToLong(Long::longValue).toArray();
    // a batch record's stored version is met under its own key: it is compared as the batch has it now
    Map<SourceKey, StandardRecord> inBatch = new HashMap<>();
    for (Prepared p : identities) inBatch.put(p.key(), p.standard());
    int cap = config.maxCandidatesPerKey();
    Map<String, List<Candidate>> candidates = new HashMap<>();
    // on a worker however small the batch: one record may meet hundreds of candidates, each to decode
    return vertx.executeBlocking(() -> {
          Map<SourceKey, Candidate> decoded = new HashMap<>();
          sync.index().lookup(hashes, cap).forEach((hash, entries) -> {
            String key = keyOf.get(hash);
            List<Candidate> found = candidates.computeIfAbsent(key, k -> new ArrayList<>());
            for (CandidateIndex.Entry e : entries) {
              found.add(decoded.computeIfAbsent(e.key(), k -> new Candidate(k, e.profileId().toString(),
                  inBatch.containsKey(k) ? inBatch.get(k) : StandardRecord.decode(e.standard()))));
            }
            if (entries.size() >= cap) {
              state.cappedKeys++;
              OversizedBlocks.report(key, cap);
            }
          });
          return null;
        }, false)
        .compose(v -> {
          laps.lap("candidates");
          List<Linker.Item> items = new ArrayList<>();
          for (int i = 0; i < identities.size(); i++) {
            Prepared p = identities.get(i);
            items.add(new Linker.Item(i, p.standard(), p.keys()));
          }
          // the pairs to score are what the work grows with, not the records
          int pairs = candidates.values().stream().mapToInt(List::size).sum();
          return Chunks.work(vertx, pairs, () -> linker.decide(items, candidates));
        })
        .compose(decisions -> {
          laps.lap("score");
          // only the profiles a pair would merge into can be written or need their members for the guard: the
          // many candidates kept apart stay unlocked (a concurrent merge of one of them changes nothing here)
          UUID[] ids = decisions.mergeProfiles().stream().map(UUID::fromString).toArray(UUID[]::new);
          Future<RowSet<Row>> locked = awaitRecomputed.apply(ids).compose(w -> {
            laps.lap("await-new-profiles");
            return conn.preparedQuery(ResolveSql.LOCK_PROFILES).execute(Tuple.of(ids));
          });
          return locked.compose(rows -> {
            laps.lap("lock-profiles");
            if (rows.size() < ids.length) {
              // made by a batch (of another node) that has linked but not yet written it: try again shortly
              throw new ConcurrentChange("a profile to merge into is not written yet");
            }
            Map<String, OffsetDateTime> created = new HashMap<>();
            for (Row r : rows) {
              if (!"active".equals(r.getString("status"))) {
                throw new ConcurrentChange("profile " + r.getUUID("profile_id") + " changed while linking");
              }
              created.put(r.getUUID("profile_id").toString(), r.getOffsetDateTime("created_at"));
            }
            return members(created.keySet()).compose(members -> {
              laps.lap("members");
              int records = identities.size() + members.values().stream().mapToInt(List::size).sum();
              return Chunks.work(vertx, records, () -> linker.link(decisions, members));
            }).compose(outcome -> {
              laps.lap("link");
              state.linked = identities.size();
              state.scoredPairs = outcome.scoredPairs();
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
        .compose(rows -> Chunks.work(vertx, rows.size(), () -> {
          Map<String, List<StandardRecord>> out = new HashMap<>();
          for (Row r : rows) {
            out.computeIfAbsent(r.getUUID(0).toString(), k -> new ArrayList<>()).add(StandardRecord.decode(r.getString(3)));
          }
          return out;
        }));
  }

  private Future<Void> applyLinks(List<Prepared> identities, Map<SourceKey, Stored> stored, Linker.Outcome outcome,
                                  Map<String, OffsetDateTime> created) {
    Map<Integer, UUID> clusterProfile = new HashMap<>();
    List<java.util.function.Supplier<Future<Void>>> merges = new ArrayList<>();
    for (Linker.Cluster c : outcome.clusters()) {
      if (c.existingProfiles().isEmpty()) {
        // a new profile: its members are all in this batch, so the recomputation assembles it from them and
        // inserts it once, after its crosswalk rows (the crosswalk has no foreign keys, see migration V3)
        UUID id = ProfileIds.next();
        state.created.put(id, c.items().stream().map(i -> identities.get(i).record()).toList());
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
    List<RecordWrites.Link> links = new ArrayList<>(identities.size());
    for (int i = 0; i < identities.size(); i++) {
      Prepared p = identities.get(i);
      Linker.Assignment a = outcome.assignments().get(i);
      UUID target = clusterProfile.get(a.cluster());
      Stored s = stored.get(p.key());
      // a record that stays in its profile through its own stored version keeps the reason it came there by (a
      // pair, a steward's split, a new profile) and when; an update says nothing new about why it is there
      boolean stays = s != null && target.equals(s.profileId()) && p.key().equals(a.matchedWith());
      links.add(new RecordWrites.Link(p.key(), target, stays ? null : matchJson(a).encode(),
          s != null && s.profileId() != null));
      state.affected.add(target);
      // a record that leaves its profile (kept apart from the others there by a steward's decision, say) leaves
      // one behind that must be assembled again without it: its stored body would go on naming the record
      if (s != null && s.profileId() != null && !target.equals(s.profileId())) state.affected.add(s.profileId());
      state.indexed.add(new CandidateIndex.Indexed(p.key(), target, p.standardEncoded(), p.keyHashes()));
      state.record(p, Outcome.of(s == null || s.deleted() ? Outcome.Kind.CREATED : Outcome.Kind.UPDATED, target));
    }
    Future<Void> chain = Future.succeededFuture();
    for (var step : merges) chain = chain.compose(v -> step.get());
    return chain
        .compose(v -> {
          laps.lap("write-profiles-merges");
          return writeReviews(outcome.reviews());
        })
        .compose(v -> records.writeLinks(links))
        .map(v -> {
          laps.lap("write-crosswalk");
          return null;
        });
  }

  private Future<Void> writeReviews(List<Linker.ReviewPair> found) {
    return ReviewPairs.write(conn, found.stream()
        .map(r -> new ReviewPairs.Pair(r.left(), r.right(), r.decision())).toList());
  }

  private Future<Void> merge(UUID survivor, List<UUID> losers, Linker.Cluster cluster, List<Prepared> identities) {
    UUID[] loserArray = losers.toArray(UUID[]::new);
    JsonObject reason = new JsonObject().put("rule", "bridging-record")
        .put("records", cluster.items().stream().map(i -> identities.get(i).key().asString()).toList());
    state.absorbed.put(survivor, losers);
    state.affected.add(survivor);
    return ProfileMoves.merge(conn, survivor, loserArray, reason, actor).map(mergedAway -> {
      state.mergedAway.putAll(mergedAway);
      mergedAway.keySet().forEach(id -> state.mergedInto.put(id, survivor));
      return null;
    });
  }

  private static JsonObject matchJson(Linker.Assignment a) {
    if (a.decision() == null) return new JsonObject().put("rule", "new-profile");
    return Explanations.linkReason(a.decision(), a.matchedWith());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
