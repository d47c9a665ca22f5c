package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Design: PostgreSQL that loses its last commits while the hub runs (a failover to a replica that lagged, a restore
 * from a backup) does not leave nodes linking new records to the records it lost, nor answering them from the
 * cache. Here the loss is made by hand: the rows of the last customer's commit are deleted, its change log entry
 * too, as the promoted replica would not have them.
 */
class DatabaseRewindIT {

  private static long lastChange(Pool pool) {
    return await(pool.query("select coalesce(max(seq), 0) from index_change").execute()).iterator().next().getLong(0);
  }

  /** The database as it was at change {@code seq}: {@code lost}'s record, profile and events never happened. */
  private static void loseCommitsAfter(Pool pool, long seq, Rec lost, String profileId) {
    UUID profile = UUID.fromString(profileId);
    await(pool.withTransaction(c -> c.preparedQuery("delete from index_change where seq > $1").execute(Tuple.of(seq))
        .compose(v -> c.preparedQuery("delete from crosswalk where source = $1 and source_id = $2")
            .execute(Tuple.of(lost.source(), lost.sourceId())))
        .compose(v -> c.preparedQuery("delete from source_record where source = $1 and source_id = $2")
            .execute(Tuple.of(lost.source(), lost.sourceId())))
        .compose(v -> c.preparedQuery("delete from outbox where profile_id = $1").execute(Tuple.of(profile)))
        .compose(v -> c.preparedQuery("delete from profile where profile_id = $1").execute(Tuple.of(profile)))));
  }

  /** A customer whose commit the database lost, and the profile it had. */
  private record Lost(Rec record, String profileId) {
  }

  /** Two customers stored, both answered (and so cached); then the second one's commit is lost. */
  private static Lost loseTheSecondOfTwoCustomers(HubTestNode hub) {
    Pool pool = hub.node().database().pool();
    hub.accept(WireRecords.distinctPerson("crm", "C"));
    long kept = lastChange(pool);
    Rec lost = WireRecords.distinctPerson("crm", "C");
    String profileId = hub.accept(lost).getString("profileId");
    assertEquals(200, hub.profileResponse(profileId).status());
    assertEquals(200, hub.profileByKeyResponse(lost.source(), lost.sourceId()).status());
    loseCommitsAfter(pool, kept, lost, profileId);
    return new Lost(lost, profileId);
  }

  @Test
  void aBatchThatFindsTheLogBehindLinksAgainAgainstWhatTheDatabaseHolds() {
    // no look at the log between batches: the batch itself must find it
    HubTestNode hub = HubTestNode.builder().env("HUB_UPKEEP_REWIND_CHECK_SECONDS", "0").start();
    try {
      Lost lost = loseTheSecondOfTwoCustomers(hub);
      // the same customer from the ERP: the node's index still holds the CRM record the database lost
      String profileId = hub.accept(lost.record().copyIn("erp", "E")).getString("profileId");

      assertNotEquals(lost.profileId(), profileId, "not linked to a profile the database does not have");
      assertEquals(1, hub.profile(profileId).getJsonArray("records").size());
      assertEquals(404, hub.profileByKeyResponse(lost.record().source(), lost.record().sourceId()).status(),
          "the lost record is not answered from the cache either");
    } finally {
      hub.close(); // checks the index against the database
    }
  }

  @Test
  void aNodeThatWritesNothingFindsItWithinSeconds() {
    HubTestNode hub = HubTestNode.builder().env("HUB_UPKEEP_REWIND_CHECK_SECONDS", "1").start();
    try {
      Lost lost = loseTheSecondOfTwoCustomers(hub);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (hub.profileResponse(lost.profileId()).status() != 404 && System.nanoTime() < deadline) {
        HubTestNode.sleep(200);
      }
      assertEquals(404, hub.profileResponse(lost.profileId()).status(), "the cache no longer answers the lost profile");
      assertEquals(404, hub.profileByKeyResponse(lost.record().source(), lost.record().sourceId()).status());
    } finally {
      hub.close();
    }
  }
}
