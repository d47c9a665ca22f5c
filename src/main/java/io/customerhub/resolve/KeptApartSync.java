package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps this node's {@link KeptApart} in step with the stewards' decisions as committed. The event that spreads a
 * decision arrives after its commit, and a batch waiting for the writer lock links the moment the steward's
 * transaction lets go of it: without a look at the database it linked against the pairs as they were before, and a
 * split was undone by the record that came next. A steward's transaction moves a clock and notes what it changed
 * ({@link #tick}); a batch reads the clock under the writer lock ({@link #refresh}), one small row, and when it moved
 * reads the changes since the pairs it holds, or every pair when it is further behind than the changes kept.
 */
public final class KeptApartSync {

  /** How many moves of the clock keep their changes: a node further behind reads every pair again. */
  static final int CHANGES_KEPT = 1000;

  private static final String CLOCK = "select seq from kept_apart_clock";
  /** The clock moves once per action; the rows of one move are its changes, the oldest moves' changes go. */
  private static final String TICK = """
      with clock as (update kept_apart_clock set seq = seq + 1 returning seq),
      pruned as (delete from kept_apart_change where seq <= (select seq from clock) - %d)
      insert into kept_apart_change (seq, left_source, left_id, right_source, right_id, kept)
      select clock.seq, t.ls, t.li, t.rs, t.ri, t.kept
      from clock, unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) as t(ls, li, rs, ri, kept)"""
      .formatted(CHANGES_KEPT);
  private static final String CHANGES = """
      select seq, left_source, left_id, right_source, right_id, kept from kept_apart_change
      where seq > $1 order by seq""";
  private static final String PAIRS = """
      select left_source, left_id, right_source, right_id from review_pair where status = 'kept-apart'""";

  private final KeptApart keptApart;
  /** The clock the pairs in memory were read at; -1 before this node read them with it. */
  private volatile long seen = -1;
  /** The refresh in flight, or the last one, done: the next waits for it. */
  private Future<Void> running = Future.succeededFuture();

  public KeptApartSync(KeptApart keptApart) {
    this.keptApart = keptApart;
  }

  /** The pairs this node holds, which {@link #refresh} keeps as committed. */
  public KeptApart keptApart() {
    return keptApart;
  }

  /**
   * In the transaction of a steward's action: the pairs it keeps apart and those it lets join again. Nothing when
   * both are empty: only an action that changed pairs moves the clock.
   */
  public static Future<Void> tick(SqlConnection conn, List<SourceKey[]> kept, List<SourceKey[]> together) {
    int n = kept.size() + together.size();
    if (n == 0) return Future.succeededFuture();
    String[] ls = new String[n], li = new String[n], rs = new String[n], ri = new String[n];
    Boolean[] keep = new Boolean[n];
    int i = 0;
    for (List<SourceKey[]> pairs : List.of(kept, together)) {
      for (SourceKey[] p : pairs) {
        ls[i] = p[0].source();
        li[i] = p[0].sourceId();
        rs[i] = p[1].source();
        ri[i] = p[1].sourceId();
        keep[i++] = pairs == kept;
      }
    }
    return conn.preparedQuery(TICK).execute(Tuple.tuple().addValue(ls).addValue(li).addValue(rs).addValue(ri)
        .addValue(keep)).mapEmpty();
  }

  /**
   * The pairs as committed, brought up to date if the clock moved: at start, before a re-resolution pass, and by a
   * batch under the writer lock (where no steward's action is in flight).
   */
  public Future<Void> refresh(SqlClient client) {
    // one at a time: two refreshes replaying changes in between each other could leave a pair in its older state
    synchronized (this) {
      Future<Void> mine = running.transform(before -> catchUp(client));
      running = mine.transform(done -> Future.succeededFuture());
      return mine;
    }
  }

  private Future<Void> catchUp(SqlClient client) {
    return client.query(CLOCK).execute().compose(rows -> {
      long now = rows.iterator().next().getLong(0);
      long held = seen;
      if (now == held) return Future.succeededFuture();
      if (held < 0) return readAll(client, now);
      return client.preparedQuery(CHANGES).execute(Tuple.of(held))
          .compose(changes -> apply(changes, held) ? Future.succeededFuture() : readAll(client, now));
    });
  }

  /**
   * Applies the changes after the clock {@code held}, in their order, if they are all there (every move since has
   * rows); false, changing nothing, when older moves' changes were let go.
   */
  private boolean apply(RowSet<Row> changes, long held) {
    long expected = held + 1;
    for (Row r : changes) {
      long seq = r.getLong(0);
      if (seq != expected && seq != expected - 1) return false;
      expected = seq + 1;
    }
    if (expected == held + 1) return false; // the clock moved and no change is there: let go of
    for (Row r : changes) {
      SourceKey left = new SourceKey(r.getString(1), r.getString(2));
      SourceKey right = new SourceKey(r.getString(3), r.getString(4));
      if (r.getBoolean(5)) keptApart.add(left, right);
      else keptApart.remove(left, right);
    }
    seen = expected - 1;
    return true;
  }

  private Future<Void> readAll(SqlClient client, long now) {
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
  }
}
