package io.customerhub.steward;

import io.customerhub.steward.BatchGate.Held;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Protects stewards' actions on a profile whose batch has linked records into it but not yet written it. A batch
 * holds the shared writer lock in each of its two transactions but not between them; a steward action waiting for
 * the lock alone gets it right after the first commit, when the crosswalk names the new profile and its row is not
 * there. The action must be refused as worth retrying (503, {@code Retry-After: 1}), with nothing recorded or
 * audited, when the same request succeeds a moment later.
 */
class UnwrittenProfileIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  /** A decision on a pair is final: recorded with nothing merged, it could never be made again for real. */
  @Test
  void aDecisionOnAPairWhoseProfileIsStillBeingWrittenIsRefusedUntilItIsWritten() throws Exception {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec erp = sameCustomerOtherNationalId(crm);
    hub.accept(crm);
    AtomicLong pair = new AtomicLong();

    Held held = BatchGate.between(hub, List.of(erp), profile -> {
      // the batch has written its review pair (before the crosswalk) and waits at the gate with its writer lock
      pair.set(rows("select pg_sequence_last_value($1::regclass)", "review_pair_id_seq").iterator().next().getLong(0));
      return hub.postRequest("/api/v1/reviews/" + pair.get() + "/decision", JSON, "{\"decision\":\"merge\"}",
          hub.token("steward"));
    });

    assertUnfinished(held.profile(), held.answer());
    assertEquals("open", rows("select status from review_pair where id = $1", pair.get()).iterator().next()
        .getString(0), "the refused decision is not recorded");
    assertEquals(0, rows("select 1 from audit_log where subject = $1", "review_pair:" + pair.get()).size(),
        "nor audited");
    assertNotEquals(profileOf(crm), profileOf(erp));

    Response decided = hub.post("/api/v1/reviews/" + pair.get() + "/decision", JSON, "{\"decision\":\"merge\"}",
        hub.token("steward"));

    assertEquals(200, decided.status(), decided::toString);
    assertEquals("merged", decided.json().getString("status"));
    assertEquals(profileOf(crm), profileOf(erp), "the retry merges the records for real");
  }

  /** The same person in another system whose national id is another one entirely: a doubtful pair. */
  private static Rec sameCustomerOtherNationalId(Rec crm) {
    return crm.copyIn("erp", "E")
        .nationalId(String.valueOf(100_000_000_000_000_000L + Math.abs(crm.sourceId().hashCode()) * 7919L));
  }

  /** A 503 saying what is still being written, worth retrying in a second. */
  private static void assertUnfinished(String mentions, Response r) {
    JsonObject problem = assertProblem(503, r);
    assertTrue(problem.getString("detail").contains("still being written"), problem::encode);
    assertTrue(problem.getString("detail").contains(mentions), problem::encode);
    assertEquals("1", r.header("Retry-After"), r::toString);
  }

  private static String profileOf(Rec r) {
    return hub.crosswalk().get(r.source() + ":" + r.sourceId());
  }

  private static RowSet<Row> rows(String query, Object param) {
    return await(hub.node().database().pool().preparedQuery(query).execute(Tuple.of(param)));
  }
}
