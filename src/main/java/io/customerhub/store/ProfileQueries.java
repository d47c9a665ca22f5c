package io.customerhub.store;

import io.customerhub.profile.Profile;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.customerhub.record.SourceKey;

/** Reads of profiles from PostgreSQL, for cache misses and for answers the cache does not hold (lineage). */
public final class ProfileQueries {

  /** A stored profile row: active with its body, merged into a survivor, or deleted. */
  public record Stored(UUID profileId, long version, String status, UUID mergedInto, Profile profile) {
    public boolean active() {
      return "active".equals(status) && profile != null;
    }
  }

  private final Pool pool;

  public ProfileQueries(Pool pool) {
    this.pool = pool;
  }

  public Future<Stored> byId(UUID id) {
    return pool.preparedQuery(ProfileSql.BY_ID).execute(Tuple.of(id)).map(ProfileQueries::first);
  }

  public Future<Stored> byKey(String source, String sourceId) {
    return pool.preparedQuery(ProfileSql.BY_KEY).execute(Tuple.of(source, sourceId)).map(ProfileQueries::first);
  }

  /**
   * The profile of the customer the order of this key names; null for a key of no such order (a guest order, which
   * names nobody, is a record of the crosswalk and found {@link #byKey}).
   */
  public Future<Stored> byOrderKey(String source, String sourceId) {
    return pool.preparedQuery(ProfileSql.BY_ORDER_KEY).execute(Tuple.of(source, sourceId))
        .map(ProfileQueries::first);
  }

  /** How many active customers bought in the 12-month window: the population the value tiers rank. */
  public Future<Long> buyers() {
    return pool.query(ProfileSql.BUYERS).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** The 12-month value of the buyer at each rank (1 = highest); 0 past the last. */
  public Future<double[]> valuesAtRanks(int[] ranks) {
    Integer[] rs = new Integer[ranks.length];
    for (int i = 0; i < ranks.length; i++) rs[i] = ranks[i];
    return pool.preparedQuery(ProfileSql.VALUES_AT_RANKS).execute(Tuple.of(rs)).map(rows -> {
      String[] values = rows.iterator().next().getArrayOfStrings(0);
      double[] out = new double[ranks.length];
      for (int i = 0; i < values.length; i++) out[i] = values[i] == null ? 0 : Double.parseDouble(values[i]);
      return out;
    });
  }

  /**
   * The stored bodies of the active profiles of the given source keys: a key the hub does not know, or whose profile
   * is not yet written (between its batch's two transactions), is absent. Decoding them ({@link
   * ProfileCodec#fromStored}) is the caller's, on a worker.
   */
  public Future<Map<SourceKey, String>> storedByKeys(List<SourceKey> keys) {
    String[] sources = keys.stream().map(SourceKey::source).toArray(String[]::new);
    String[] ids = keys.stream().map(SourceKey::sourceId).toArray(String[]::new);
    return pool.preparedQuery(ProfileSql.BY_KEYS).execute(Tuple.tuple().addValue(sources).addValue(ids)).map(rows -> {
      Map<SourceKey, String> out = new HashMap<>();
      for (Row r : rows) out.put(new SourceKey(r.getString(0), r.getString(1)), r.getString(2));
      return out;
    });
  }

  /** One page of active profile ids after {@code after}, for maintenance sweeps. */
  public Future<List<UUID>> activePage(UUID after, int size) {
    return pool.preparedQuery(ProfileSql.ACTIVE_PAGE).execute(Tuple.of(after, size)).map(rows -> {
      List<UUID> ids = new ArrayList<>();
      for (Row r : rows) ids.add(r.getUUID(0));
      return ids;
    });
  }

  /**
   * The stored bodies of the active profiles, with a current risk tag of {@code code} unless it is null, in id
   * order after {@code after}, at most {@code limit}; decoding them ({@link ProfileCodec#fromStored}) is the
   * caller's, on a worker: a page of a thousand is too much work for an event loop.
   */
  public Future<List<String>> activePage(String code, UUID after, int limit) {
    var query = code == null ? pool.preparedQuery(ProfileSql.ACTIVE_BODIES).execute(Tuple.of(after, limit))
        : pool.preparedQuery(ProfileSql.WITH_RISK).execute(Tuple.of(code, after, limit));
    return query.map(rows -> {
      List<String> out = new ArrayList<>(rows.size());
      for (Row r : rows) out.add(r.getString("body"));
      return out;
    });
  }

  /** The profile's orders, newest first, at most {@code limit}, as the API lists them. */
  public Future<JsonArray> orders(UUID profile, int limit) {
    return pool.preparedQuery(ProfileSql.ORDER_PAGE).execute(Tuple.of(profile, limit)).map(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        OffsetDateTime at = r.getOffsetDateTime(4);
        out.add(new JsonObject().put("source", r.getString(0)).put("sourceId", r.getString(1))
            .put("customer", new JsonObject().put("source", r.getString(2)).put("sourceId", r.getString(3)))
            .put("orderedAt", at == null ? null : at.toInstant().toString())
            .put("amount", r.getString(5) == null ? null : new BigDecimal(r.getString(5)))
            .put("currency", r.getString(6)).put("status", r.getString(7)).put("channel", r.getString(8)));
      }
      return out;
    });
  }

  private static Stored first(RowSet<Row> rows) {
    if (rows.size() == 0) return null;
    Row r = rows.iterator().next();
    String body = r.getString("body");
    return new Stored(r.getUUID("profile_id"), r.getLong("version"), r.getString("status"), r.getUUID("merged_into"),
        body == null ? null : ProfileCodec.fromStored(body));
  }

  public Pool pool() {
    return pool;
  }

  public static String crosswalkSql() {
    return ProfileSql.CROSSWALK_STREAM;
  }
}
