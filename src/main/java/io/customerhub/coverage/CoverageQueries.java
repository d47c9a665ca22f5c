package io.customerhub.coverage;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the counts of the source coverage report ({@link SourceCoverage}) from PostgreSQL, in one snapshot. */
public final class CoverageQueries {

  private final Pool pool;

  public CoverageQueries(Pool pool) {
    this.pool = pool;
  }

  /** With {@code completeness}, each document of a person or organization is read too: a slower report. */
  public Future<Map<String, Object>> report(boolean completeness) {
    return pool.withTransaction(conn -> conn.query(CoverageSql.SNAPSHOT).execute()
        .compose(v -> conn.query(CoverageSql.TIMEOUT).execute())
        .compose(v -> records(conn))
        .compose(records -> combinations(conn)
            .compose(combinations -> openReviewPairs(conn)
                .compose(pairs -> completeness(conn, completeness)
                    .map(fields -> SourceCoverage.report(records, combinations, pairs, fields))))));
  }

  /** Null when not {@code wanted}. */
  private static Future<List<SourceCoverage.Completeness>> completeness(SqlConnection conn, boolean wanted) {
    if (!wanted) return Future.succeededFuture(null);
    return conn.query(CoverageSql.COMPLETENESS).execute().map(rows -> {
      List<SourceCoverage.Completeness> out = new ArrayList<>();
      for (Row r : rows) {
        long[] giving = new long[SourceCoverage.FIELDS.size()];
        for (int i = 0; i < giving.length; i++) giving[i] = r.getLong(3 + i);
        out.add(new SourceCoverage.Completeness(r.getString(0), r.getString(1), r.getLong(2), giving));
      }
      return out;
    });
  }

  private static Future<List<SourceCoverage.SourceRecords>> records(SqlConnection conn) {
    return conn.query(CoverageSql.RECORDS).execute().map(rows -> {
      List<SourceCoverage.SourceRecords> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new SourceCoverage.SourceRecords(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3),
            r.getLong(4), r.getLong(5), instant(r.getOffsetDateTime(6)), instant(r.getOffsetDateTime(7))));
      }
      return out;
    });
  }

  private static Future<List<SourceCoverage.Combination>> combinations(SqlConnection conn) {
    return conn.query(CoverageSql.COMBINATIONS).execute().map(rows -> {
      List<SourceCoverage.Combination> out = new ArrayList<>();
      for (Row r : rows) out.add(new SourceCoverage.Combination(List.of(r.getArrayOfStrings(0)), r.getLong(1)));
      return out;
    });
  }

  private static Future<Map<String, Long>> openReviewPairs(SqlConnection conn) {
    return conn.query(CoverageSql.OPEN_REVIEW_PAIRS).execute().map(rows -> {
      Map<String, Long> out = new HashMap<>();
      for (Row r : rows) out.put(r.getString(0), r.getLong(1));
      return out;
    });
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
