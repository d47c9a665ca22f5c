package io.customerhub.store;

import io.customerhub.profile.Profile;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

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

  /** Quantiles (median, 80th, 95th percentile) of the 12-month value of active customers who bought. */
  public Future<double[]> valueQuantiles() {
    return pool.query(ProfileSql.VALUE_QUANTILES).execute().map(rows -> {
      Object[] values = rows.iterator().next().getArrayOfDoubles(0);
      double[] out = new double[values.length];
      for (int i = 0; i < values.length; i++) out[i] = values[i] == null ? 0 : ((Number) values[i]).doubleValue();
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
