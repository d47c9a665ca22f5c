package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.store.Database;
import io.customerhub.testing.TestInfra;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node whose kept-apart pairs are some stewards' actions behind reads what those actions changed, not every pair;
 * one further behind than the changes kept reads every pair, as at its start.
 */
class KeptApartSyncIT {

  private static final SourceKey A = new SourceKey("crm", "A"), B = new SourceKey("erp", "B");
  private static final SourceKey C = new SourceKey("crm", "C"), D = new SourceKey("erp", "D");
  private static Database database;

  @BeforeAll
  static void open() {
    database = await(Database.open(TestInfra.vertx(), TestInfra.freshDatabase(), 2));
  }

  @AfterAll
  static void close() {
    await(database.close());
  }

  @Test
  void aNodeBehindReadsTheChangesInTheirOrderAndOneTooFarBehindReadsEveryPair() {
    KeptApartSync node = new KeptApartSync(new KeptApart());
    await(node.refresh(database.pool()));
    assertEquals(0, node.keptApart().size());

    decide(A, B, "kept-apart", pair(A, B), List.of());
    decide(C, D, "kept-apart", pair(C, D), List.of());
    decide(A, B, "merged", List.of(), pair(A, B));
    // a pair that no action noted: only a node reading every pair knows of it
    await(insert(database.pool(), new SourceKey("crm", "X"), new SourceKey("erp", "Y"), "kept-apart"));

    await(node.refresh(database.pool()));
    assertFalse(node.keptApart().contains(A, B), "kept apart, then joined again: in that order");
    assertTrue(node.keptApart().contains(C, D));
    assertEquals(1, node.keptApart().size(), "the changes, not every pair");

    for (int i = 0; i <= KeptApartSync.CHANGES_KEPT; i++) { // one more than the moves whose changes are kept
      decide(C, D, "kept-apart", pair(C, D), List.of());
    }
    await(node.refresh(database.pool()));
    assertEquals(2, node.keptApart().size(), "too far behind: every pair, read again");
    assertTrue(node.keptApart().contains(new SourceKey("crm", "X"), new SourceKey("erp", "Y")));
    long kept = await(database.pool().query("select count(distinct seq) from kept_apart_change").execute())
        .iterator().next().getLong(0);
    assertEquals(KeptApartSync.CHANGES_KEPT, kept, "older moves' changes let go");
  }

  @Test
  void refreshesAskedTogetherLeaveThePairsAsCommitted() {
    KeptApartSync node = new KeptApartSync(new KeptApart());
    await(node.refresh(database.pool()));
    SourceKey e = new SourceKey("crm", "E"), f = new SourceKey("erp", "F");
    List<Future<Void>> refreshes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      boolean keep = i % 2 == 0;
      decide(e, f, keep ? "kept-apart" : "merged", keep ? pair(e, f) : List.of(),
          keep ? List.of() : pair(e, f));
      refreshes.add(node.refresh(database.pool()));
    }
    await(Future.all(refreshes));
    assertFalse(node.keptApart().contains(e, f), "the last action let them join");
  }

  private static List<SourceKey[]> pair(SourceKey left, SourceKey right) {
    List<SourceKey[]> one = new ArrayList<>();
    one.add(new SourceKey[] {left, right});
    return one;
  }

  /** A steward's action on one pair, as ProfileSurgery commits it: the pair's status and the clock's move. */
  private static void decide(SourceKey left, SourceKey right, String status, List<SourceKey[]> kept,
                             List<SourceKey[]> together) {
    await(database.pool().withTransaction(conn -> insert(conn, left, right, status)
        .compose(v -> KeptApartSync.tick(conn, kept, together))));
  }

  private static Future<Void> insert(SqlClient client, SourceKey left, SourceKey right, String status) {
    return client.preparedQuery("""
            insert into review_pair (left_source, left_id, right_source, right_id, score, explanation, status)
            values ($1, $2, $3, $4, 1, '{}', $5) on conflict (left_source, left_id, right_source, right_id)
            do update set status = excluded.status""")
        .execute(Tuple.of(left.source(), left.sourceId(), right.source(), right.sourceId(), status)).mapEmpty();
  }
}
