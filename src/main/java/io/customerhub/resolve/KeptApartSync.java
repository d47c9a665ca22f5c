package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps this node's {@link KeptApart} in step with the stewards' decisions as committed. The event that spreads a
 * decision arrives after its commit, and a batch waiting for the writer lock links the moment the steward's
 * transaction lets go of it: without a look at the database it linked against the pairs as they were before, and a
 * split was undone by the record that came next. A steward's transaction moves a clock ({@link #tick}); a batch
 * reads it under the writer lock ({@link #refresh}), one small row, and reads the pairs again only when it moved.
 */
public final class KeptApartSync {

  private static final String CLOCK = "select seq from kept_apart_clock";
  private static final String TICK = "update kept_apart_clock set seq = seq + 1";
  private static final String PAIRS = """
      select left_source, left_id, right_source, right_id from review_pair where status = 'kept-apart'""";

  private final KeptApart keptApart;
  /** The clock the pairs in memory were read at; -1 before this node read them with it. */
  private volatile long seen = -1;

  public KeptApartSync(KeptApart keptApart) {
    this.keptApart = keptApart;
  }

  /** The pairs this node holds, which {@link #refresh} keeps as committed. */
  public KeptApart keptApart() {
    return keptApart;
  }

  /** In the transaction of a steward's action that keeps records apart or lets them join again. */
  public static Future<Void> tick(SqlConnection conn) {
    return conn.query(TICK).execute().mapEmpty();
  }

  /**
   * The pairs as committed, read again if they moved: at start, before a re-resolution pass, and by a batch under
   * the writer lock (where no steward's action is in flight).
   */
  public Future<Void> refresh(SqlClient client) {
    return client.query(CLOCK).execute().compose(rows -> {
      long now = rows.iterator().next().getLong(0);
      if (now == seen) return Future.succeededFuture();
      return client.query(PAIRS).execute().map(pairs -> {
        List<SourceKey[]> all = new ArrayList<>(pairs.size());
        for (Row r : pairs) {
          all.add(new SourceKey[] {new SourceKey(r.getString(0), r.getString(1)),
              new SourceKey(r.getString(2), r.getString(3))});
        }
        keptApart.replaceWith(all);
        seen = now;
        return null;
      });
    });
  }
}
