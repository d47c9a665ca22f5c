package io.customerhub.store;

import io.customerhub.ingest.CanonicalJson;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.profile.OrderFact;
import io.customerhub.profile.MergedRisk;
import io.customerhub.profile.Profile;
import io.customerhub.profile.ProfileAssembler;
import io.customerhub.profile.ProfileChanges;
import io.customerhub.profile.ProfileInput;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;
import io.customerhub.support.Chunks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Recomputes profiles from their stored records and orders inside the caller's transaction, writes the new
 * versions and their change events (transactional outbox). Assembling runs on a worker thread: it is pure CPU.
 */
public final class ProfileStore {

  /** Members reach the assembler in one order, so that ties in survivorship and lineage resolve alike. */
  private static final Comparator<CanonicalRecord> BY_KEY = Comparator.comparing(CanonicalRecord::key);

  private final Vertx vertx;
  private final ProfileAssembler assembler;

  public ProfileStore(Vertx vertx, ProfileAssembler assembler) {
    this.vertx = vertx;
    this.assembler = assembler;
  }

  /**
   * What the caller knows about why profiles change, beyond their content: merges ({@code absorbed}), and
   * profiles a steward restated ({@code restated}: an override set or removed), which take a new version even when
   * their golden values read the same, because the version is what a steward's {@code If-Match} names and a value
   * pinned by hand is a change another steward must see before acting.
   */
  public record Cause(Map<UUID, List<UUID>> absorbed, Set<UUID> restated, String actor) {
    public static Cause of(String actor) {
      return new Cause(Map.of(), Set.of(), actor);
    }

    public static Cause merged(Map<UUID, List<UUID>> absorbed, String actor) {
      return new Cause(absorbed, Set.of(), actor);
    }

    public static Cause restated(UUID profile, String actor) {
      return new Cause(Map.of(), Set.of(profile), actor);
    }
  }

  private record Current(long version, String status, Instant createdAt, Profile body, Map<String, Object> overrides) {
  }

  /** A change with the column values and event it is written as, encoded by the worker that assembled it. */
  private record Encoded(ProfileChange change, String kind, String body, String value, String tier, String risk,
                         String payload) {
    static Encoded of(ProfileChange c) {
      Profile p = c.profile();
      return new Encoded(c, p == null ? null : ProfileFacts.kind(p), p == null ? null : ProfileCodec.toStored(p),
          p == null ? "0" : ProfileFacts.value12m(p).toPlainString(), p == null ? null : ProfileFacts.tier(p),
          ProfileFacts.riskCodes(p), ProfileEvents.payload(c).encode());
    }
  }

  public Future<List<ProfileChange>> recompute(SqlConnection conn, Set<UUID> ids, Cause cause) {
    return recompute(conn, ids, Map.of(), cause, HubMetrics.Laps.NONE);
  }

  /**
   * As above, timing its reads, the assembly and its writes as phases of the caller's batch. {@code created} are
   * profiles the caller has just linked records into for the first time, with those records in hand: they are not
   * read back but assembled from them. A profile without a row yet (a created one, or one whose creating batch
   * stopped between its two transactions) is inserted, every other one updated. The reads are sent when this is
   * called: statements the caller sends right after run while the workers assemble.
   */
  public Future<List<ProfileChange>> recompute(SqlConnection conn, Set<UUID> ids,
                                               Map<UUID, List<CanonicalRecord>> created, Cause cause,
                                               HubMetrics.Laps laps) {
    if (ids.isEmpty() && created.isEmpty()) return Future.succeededFuture(List.of());
    UUID[] stored = ids.stream().filter(id -> !created.containsKey(id)).toArray(UUID[]::new);
    UUID[] all = new UUID[stored.length + created.size()];
    System.arraycopy(stored, 0, all, 0, stored.length);
    System.arraycopy(created.keySet().toArray(UUID[]::new), 0, all, stored.length, created.size());
    Map<UUID, List<CanonicalRecord>> members = new HashMap<>();
    Map<UUID, List<OrderFact>> orders = new HashMap<>();
    Map<UUID, Current> current = new HashMap<>();
    Map<UUID, Profile> riskBasis = new HashMap<>();
    created.forEach((id, records) -> members.put(id, new ArrayList<>(records)));
    // the three reads are independent: sent together, they travel in one round trip (the connection pipelines)
    Future<RowSet<Row>> currentRows = conn.preparedQuery(ProfileSql.CURRENT).execute(Tuple.of(all));
    Future<RowSet<Row>> memberRows = stored.length == 0 ? Future.succeededFuture()
        : conn.preparedQuery(ProfileSql.MEMBERS).execute(Tuple.of(stored));
    Future<RowSet<Row>> orderRows = conn.preparedQuery(ProfileSql.ORDERS).execute(Tuple.of(all));
    UUID[] losers = cause.absorbed().values().stream().flatMap(List::stream).toArray(UUID[]::new);
    Future<RowSet<Row>> absorbedRows = losers.length == 0 ? Future.succeededFuture()
        : conn.preparedQuery(ProfileSql.ABSORBED_BODIES).execute(Tuple.of(losers));
    return Future.all(currentRows, memberRows, orderRows, absorbedRows)
        .compose(v -> {
          readCurrent(currentRows.result(), current);
          inheritRisk(absorbedRows.result(), cause, current, riskBasis);
          if (memberRows.result() != null) addMembers(memberRows.result(), members);
          for (Row r : orderRows.result()) orders.computeIfAbsent(r.getUUID(0), k -> new ArrayList<>()).add(orderFact(r));
          return rereadWrittenSince(conn, created.keySet(), current, members);
        })
        .compose(v -> writeTombstones(conn, all, current, members))
        .compose(v -> {
          Set<UUID> fresh = new HashSet<>();
          Instant now = Instant.now();
          for (UUID id : all) {
            if (!current.containsKey(id) && members.containsKey(id)) {
              current.put(id, new Current(0, "active", now, null, Map.of()));
              fresh.add(id);
            }
          }
          laps.lap("recompute-read");
          List<UUID> order = List.of(all);
          int weight = order.size() + members.values().stream().mapToInt(List::size).sum()
              + orders.values().stream().mapToInt(List::size).sum();
          return Chunks.concat(vertx, order.size(), weight, (from, to) ->
                  assemble(order.subList(from, to), members, orders, current, riskBasis, cause).stream()
                      .map(Encoded::of).toList())
              .compose(encoded -> {
                laps.lap("recompute-assemble");
                return write(conn, encoded, fresh).map(w -> encoded.stream().map(Encoded::change).toList());
              });
        })
        .map(changes -> {
          laps.lap("recompute-write");
          return changes;
        });
  }

  /**
   * What the survivors' risk is assessed against: their bodies with the risk of the profiles merged into them
   * ({@link MergedRisk}). The change events still tell what changed against the survivor's own body.
   */
  private static void inheritRisk(RowSet<Row> rows, Cause cause, Map<UUID, Current> current,
                                  Map<UUID, Profile> riskBasis) {
    if (rows == null || rows.size() == 0) return;
    Map<UUID, Profile> losers = new HashMap<>();
    for (Row r : rows) losers.put(r.getUUID(0), ProfileCodec.fromStored(r.getString(1)));
    cause.absorbed().forEach((survivor, merged) -> {
      Current cur = current.get(survivor);
      List<Profile> bodies = merged.stream().map(losers::get).filter(Objects::nonNull).toList();
      if (cur != null && !bodies.isEmpty()) riskBasis.put(survivor, MergedRisk.of(cur.body(), bodies));
    });
  }

  private static void readCurrent(RowSet<Row> rows, Map<UUID, Current> current) {
    for (Row r : rows) {
      String body = r.getString("body");
      current.put(r.getUUID("profile_id"), new Current(r.getLong("version"), r.getString("status"),
          r.getOffsetDateTime("created_at").toInstant(), body == null ? null : ProfileCodec.fromStored(body),
          overrideValues(r.getString("overrides"))));
    }
  }

  private static void addMembers(RowSet<Row> rows, Map<UUID, List<CanonicalRecord>> members) {
    for (Row r : rows) {
      members.computeIfAbsent(r.getUUID(0), k -> new ArrayList<>()).add(CanonicalJson.decodeStored(r.getString(1)));
    }
  }

  /**
   * A profile the caller created and has the records of, but that already has a row, was written since the
   * caller linked it by another transaction (a batch that deleted or changed one of its records, or the recovery
   * of the caller's mark): the caller's records may be stale, so its members are read as stored now. The rows are
   * locked, so they cannot change again before this transaction commits. A second round trip only in that case.
   */
  private static Future<Void> rereadWrittenSince(SqlConnection conn, Set<UUID> created, Map<UUID, Current> current,
                                                 Map<UUID, List<CanonicalRecord>> members) {
    UUID[] written = created.stream().filter(current::containsKey).toArray(UUID[]::new);
    if (written.length == 0) return Future.succeededFuture();
    for (UUID id : written) members.remove(id);
    return conn.preparedQuery(ProfileSql.MEMBERS).execute(Tuple.of(written)).map(rows -> {
      addMembers(rows, members);
      return null;
    });
  }

  /**
   * A profile with neither a row nor members lost its last record before anyone wrote it (a delete racing the
   * second transaction of the batch that created it): it gets a 'deleted' row without body or event (nobody ever
   * saw it), so that the creating batch, when it comes to write it, finds it written and reads its members instead
   * of inserting it from the records it holds. A plain insert: if the creating batch inserts it at the same time,
   * one of the two transactions fails on the key (23505), is retried, and finds the other's row.
   */
  private static Future<Void> writeTombstones(SqlConnection conn, UUID[] all, Map<UUID, Current> current,
                                              Map<UUID, List<CanonicalRecord>> members) {
    UUID[] gone = Arrays.stream(all).filter(id -> !current.containsKey(id) && !members.containsKey(id))
        .toArray(UUID[]::new);
    if (gone.length == 0) return Future.succeededFuture();
    return conn.preparedQuery(ProfileSql.INSERT_TOMBSTONES).execute(Tuple.of(gone)).mapEmpty();
  }

  /** Marks {@code ids} as changed by the batch {@code token} until its second transaction recomputes them. */
  public static Future<Void> markDirty(SqlConnection conn, long token, Set<UUID> ids) {
    if (ids.isEmpty()) return Future.succeededFuture();
    return conn.preparedQuery(ProfileSql.MARK_DIRTY)
        .execute(Tuple.tuple().addValue(token).addValue(ids.toArray(UUID[]::new))).mapEmpty();
  }

  public static Future<Void> clearDirty(SqlConnection conn, long token) {
    return conn.preparedQuery(ProfileSql.CLEAR_DIRTY).execute(Tuple.of(token)).mapEmpty();
  }

  /**
   * The tokens of up to {@code limit} batch marks older than {@code minAgeSeconds}: batches stopped between
   * linking and recomputing (a crash, an outage), oldest first.
   */
  public static Future<List<Long>> staleMarks(Pool pool, int minAgeSeconds, int limit) {
    return pool.preparedQuery(ProfileSql.STALE_DIRTY).execute(Tuple.of(minAgeSeconds, limit)).map(rows -> {
      List<Long> tokens = new ArrayList<>();
      for (Row r : rows) tokens.add(r.getLong(0));
      return tokens;
    });
  }

  /**
   * Recomputes the profiles of the batch mark {@code token} and clears it, in the caller's transaction; nothing
   * when the mark is gone or another node is repairing it.
   */
  public Future<Recovered> recoverMark(SqlConnection conn, long token) {
    return conn.preparedQuery(ProfileSql.LOCK_DIRTY).execute(Tuple.of(token)).compose(rows -> {
      if (rows.size() == 0) return Future.succeededFuture(new Recovered(false, 0, List.of()));
      Set<UUID> ids = new HashSet<>(Arrays.asList(rows.iterator().next().getArrayOfUUIDs(0)));
      return recompute(conn, ids, Cause.of("recovery")).compose(changes -> clearDirty(conn, token)
          .map(new Recovered(true, ids.size(), changes)));
    });
  }

  /** A repaired mark: how many marked profiles were recomputed, and the ones that changed. */
  /** @param cleared whether the mark was there to repair (not gone, nor being repaired by another node) */
  public record Recovered(boolean cleared, int marked, List<ProfileChange> changes) {
  }

  private List<ProfileChange> assemble(List<UUID> ids, Map<UUID, List<CanonicalRecord>> members,
                                       Map<UUID, List<OrderFact>> orders, Map<UUID, Current> current,
                                       Map<UUID, Profile> riskBasis, Cause cause) {
    Instant now = Instant.now();
    List<ProfileChange> changes = new ArrayList<>();
    for (UUID id : ids) {
      Current cur = current.get(id);
      if (cur == null || !"active".equals(cur.status())) continue;
      List<CanonicalRecord> recs = members.getOrDefault(id, List.of());
      if (recs.isEmpty()) {
        changes.add(new ProfileChange(id, ProfileChange.DELETED, cur.version() + 1, null, null, List.of()));
        continue;
      }
      recs.sort(BY_KEY);
      Profile next = assembler.assemble(new ProfileInput(id.toString(), cur.version() + 1, cur.createdAt(), recs,
          orders.getOrDefault(id, List.of()), riskBasis.getOrDefault(id, cur.body()), cur.overrides()), now);
      boolean absorbed = cause.absorbed().containsKey(id);
      boolean restated = cause.restated().contains(id);
      if (cur.body() != null && !absorbed && !restated && sameContent(cur.body(), next)) continue;
      String type = cur.body() == null ? ProfileChange.CREATED : absorbed ? ProfileChange.MERGED : ProfileChange.UPDATED;
      changes.add(new ProfileChange(id, type, next.version(), next, null, List.of(),
          ProfileChanges.between(cur.body(), next)));
    }
    return changes;
  }

  /** Whether a recomputation changed anything a caller can see, ignoring the version and the time stamp. */
  private static boolean sameContent(Profile before, Profile after) {
    return Objects.equals(unversioned(before), unversioned(after));
  }

  private static Profile unversioned(Profile p) {
    return new Profile(p.profileId(), 0, p.kind(), p.createdAt(), null, p.records(), p.golden(), null,
        p.orders(), p.tier(), p.riskTags(), p.riskHistory());
  }

  /** {@code profile} with its lineage, derived from its member records as they are stored now. */
  public Future<Profile> withLineage(SqlClient client, Profile profile) {
    UUID id = UUID.fromString(profile.profileId());
    Future<RowSet<Row>> overrides = client.preparedQuery(ProfileSql.OVERRIDES).execute(Tuple.of(id));
    return client.preparedQuery(ProfileSql.MEMBERS).execute(Tuple.of(new UUID[] {id}))
        .compose(rows -> overrides.compose(o -> vertx.executeBlocking(() -> {
          List<CanonicalRecord> members = new ArrayList<>();
          for (Row r : rows) members.add(CanonicalJson.decodeStored(r.getString(1)));
          members.sort(BY_KEY);
          String set = o.size() == 0 ? null : o.iterator().next().getString(0);
          return profile.withLineage(assembler.lineage(members, overrideValues(set)));
        }, false)));
  }

  /** The values of the stored overrides ({@code {"givenName": {"value": …, "by": …}}}), by lineage name. */
  static Map<String, Object> overrideValues(String stored) {
    if (stored == null) return Map.of();
    Map<String, Object> values = new HashMap<>();
    new JsonObject(stored).forEach(e -> values.put(e.getKey(), plain(((JsonObject) e.getValue()).getValue("value"))));
    return values;
  }

  private static Object plain(Object v) {
    return v instanceof JsonObject o ? o.getMap() : v instanceof JsonArray a ? a.getList() : v;
  }

  /** Inserts the {@code created} profiles, updates the others, and writes every change's event. */
  private Future<Void> write(SqlConnection conn, List<Encoded> changes, Set<UUID> created) {
    if (changes.isEmpty()) return Future.succeededFuture();
    int n = changes.size();
    UUID[] ids = new UUID[n];
    Long[] versions = new Long[n];
    String[] statuses = new String[n], kinds = new String[n], bodies = new String[n], values = new String[n],
        tiers = new String[n], risks = new String[n], types = new String[n], payloads = new String[n];
    for (int i = 0; i < n; i++) {
      Encoded e = changes.get(i);
      ProfileChange c = e.change();
      ids[i] = c.profileId();
      versions[i] = c.version();
      types[i] = c.type();
      statuses[i] = c.profile() == null ? "deleted" : "active";
      kinds[i] = e.kind();
      bodies[i] = e.body();
      values[i] = e.value();
      tiers[i] = e.tier();
      risks[i] = e.risk();
      payloads[i] = e.payload();
    }
    Future<?> rows;
    if (created.isEmpty()) {
      rows = conn.preparedQuery(ProfileSql.UPDATE)
          .execute(Tuple.tuple(List.of(ids, versions, statuses, kinds, bodies, values, tiers, risks)));
    } else {
      int[] fresh = IntStream.range(0, n).filter(i -> created.contains(ids[i])).toArray();
      int[] old = IntStream.range(0, n).filter(i -> !created.contains(ids[i])).toArray();
      String[] createdAt = new String[fresh.length];
      for (int i = 0; i < fresh.length; i++) {
        createdAt[i] = changes.get(fresh[i]).change().profile().createdAt().toString();
      }
      rows = conn.preparedQuery(ProfileSql.INSERT)
          .execute(Tuple.tuple(List.of(pick(ids, fresh), pick(versions, fresh), pick(kinds, fresh),
              pick(bodies, fresh), pick(values, fresh), pick(tiers, fresh), createdAt, pick(risks, fresh))))
          .compose(v -> old.length == 0 ? Future.succeededFuture() : conn.preparedQuery(ProfileSql.UPDATE)
              .execute(Tuple.tuple(List.of(pick(ids, old), pick(versions, old), pick(statuses, old), pick(kinds, old),
                  pick(bodies, old), pick(values, old), pick(tiers, old), pick(risks, old)))));
    }
    return rows
        .compose(v -> conn.preparedQuery(ProfileSql.INSERT_OUTBOX).execute(Tuple.of(ids, types, versions, payloads)))
        .mapEmpty();
  }

  private static <T> T[] pick(T[] values, int[] at) {
    T[] out = Arrays.copyOf(values, at.length);
    for (int i = 0; i < at.length; i++) out[i] = values[at[i]];
    return out;
  }

  private static OrderFact orderFact(Row r) {
    return new OrderFact(new SourceKey(r.getString("source"), r.getString("source_id")),
        instant(r.getOffsetDateTime("ordered_at")), r.getBigDecimal("amount"), r.getString("currency"),
        OrderStatus.fromWire(r.getString("status")).orElse(null), r.getString("channel"),
        instant(r.getOffsetDateTime("updated_at")));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  /** Events for profiles that disappear in a merge, written with the same transaction. */
  public static Future<Void> writeMergedAway(SqlConnection conn, Map<UUID, Long> versions, Map<UUID, UUID> survivors) {
    if (versions.isEmpty()) return Future.succeededFuture();
    List<UUID> ids = new ArrayList<>(versions.keySet());
    String[] types = new String[ids.size()], payloads = new String[ids.size()];
    Long[] vs = new Long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      ProfileChange c = new ProfileChange(ids.get(i), ProfileChange.MERGED, versions.get(ids.get(i)), null,
          survivors.get(ids.get(i)), List.of());
      types[i] = c.type();
      vs[i] = c.version();
      payloads[i] = ProfileEvents.payload(c).encode();
    }
    return conn.preparedQuery(ProfileSql.INSERT_OUTBOX)
        .execute(Tuple.of(ids.toArray(UUID[]::new), types, vs, payloads)).mapEmpty();
  }

  /**
   * Profile {@code id}, whose records were just erased, is deleted without anything it said (body, overrides, risk
   * codes, tier), and an {@code erased} event names its records, so that the systems fed by the events erase the
   * customer too. Returns the change, for the cache.
   */
  public static Future<ProfileChange> writeErased(SqlConnection conn, UUID id, List<SourceKey> records) {
    return conn.preparedQuery(ProfileSql.ERASE).execute(Tuple.of(id)).compose(rows -> {
      ProfileChange c = new ProfileChange(id, ProfileChange.ERASED, rows.iterator().next().getLong(0), null, null,
          List.copyOf(records));
      return conn.preparedQuery(ProfileSql.INSERT_OUTBOX).execute(Tuple.of(new UUID[] {id}, new String[] {c.type()},
          new Long[] {c.version()}, new String[] {ProfileEvents.payload(c).encode()})).map(c);
    });
  }
}
