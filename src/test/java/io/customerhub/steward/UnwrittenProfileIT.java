package io.customerhub.steward;

import io.customerhub.steward.BatchGate.Held;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
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
 * audited: not carried out on half a profile, nor answered 404 as if the profile did not exist, when the same
 * request succeeds a moment later. An id nobody knows is still not found.
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

  @Test
  void aMergeWithAProfileStillBeingWrittenIsRefusedUntilItIsWritten() throws Exception {
    Rec kept = WireRecords.distinctPerson("crm", "C");
    hub.accept(kept);
    String keep = profileOf(kept);
    Rec fresh = WireRecords.distinctPerson("erp", "E");

    Held held = BatchGate.between(hub, List.of(fresh), profile -> merge(keep, profile));

    assertUnfinished(held.profile(), held.answer());
    assertNothingRecorded(fresh, keep, held.profile());
    assertEquals(held.profile(), profileOf(fresh));
    Response merged = HubTestNode.send(merge(keep, held.profile()));
    assertEquals(200, merged.status(), merged::toString);
    assertEquals(keep, profileOf(fresh), "the retry merges the profiles for real");
  }

  @Test
  void aMergeIntoAProfileStillBeingWrittenIsRefusedUntilItIsWritten() throws Exception {
    Rec other = WireRecords.distinctPerson("crm", "C");
    hub.accept(other);
    String gone = profileOf(other);
    Rec fresh = WireRecords.distinctPerson("erp", "E");

    Held held = BatchGate.between(hub, List.of(fresh), profile -> merge(profile, gone));

    assertUnfinished(held.profile(), held.answer());
    assertNothingRecorded(fresh, gone, held.profile());
    assertEquals(gone, profileOf(other));
    Response merged = HubTestNode.send(merge(held.profile(), gone));
    assertEquals(200, merged.status(), merged::toString);
    assertEquals(held.profile(), profileOf(other), "the retry merges the profiles for real");
  }

  @Test
  void aSplitOfAProfileStillBeingWrittenIsRefusedUntilItIsWritten() throws Exception {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    Rec twin = crm.copyIn("crm", "C");

    Held held = BatchGate.between(hub, List.of(crm, twin), profile -> split(profile, twin));

    assertUnfinished(held.profile(), held.answer());
    assertNothingRecorded(twin, held.profile());
    assertEquals(held.profile(), profileOf(crm));
    assertEquals(held.profile(), profileOf(twin), "the batch linked both records into its new profile");
    Response split = HubTestNode.send(split(held.profile(), twin));
    assertEquals(200, split.status(), split::toString);
    assertEquals(split.json().getString("newProfileId"), profileOf(twin), "the retry splits the profile for real");
  }

  @Test
  void anOverrideOnAProfileStillBeingWrittenIsRefusedUntilItIsWritten() throws Exception {
    Rec fresh = WireRecords.distinctPerson("crm", "C");

    Held set = BatchGate.between(hub, List.of(fresh), profile -> override(profile, "Corrected"));

    assertUnfinished(set.profile(), set.answer());
    assertNothingRecorded(fresh, set.profile());
    Response retried = HubTestNode.send(override(set.profile(), "Corrected"));
    assertEquals(200, retried.status(), retried::toString);
    assertEquals("Corrected", hub.profile(set.profile()).getString("givenName"), "the retry sets the value");

    Rec another = WireRecords.distinctPerson("crm", "C");
    Held removed = BatchGate.between(hub, List.of(another), profile -> override(profile, null));

    assertUnfinished(removed.profile(), removed.answer());
    assertNothingRecorded(another, removed.profile());
    // written now, the profile is there and has no value set by hand to give back
    JsonObject none = assertProblem(404, HubTestNode.send(override(removed.profile(), null)));
    assertTrue(none.getString("detail").contains("no override"), none::encode);
  }

  @Test
  void anIdNobodyKnowsIsNotFound() {
    Rec known = WireRecords.distinctPerson("crm", "C");
    hub.accept(known);
    String nobody = UUID.randomUUID().toString();

    for (HttpRequest request : List.of(merge(nobody, profileOf(known)), merge(profileOf(known), nobody),
        split(nobody, known), override(nobody, "Corrected"), override(nobody, null))) {
      JsonObject problem = assertProblem(404, HubTestNode.send(request));
      assertTrue(problem.getString("detail").contains("no profile " + nobody), problem::encode);
    }
  }

  /** The same person in another system whose national id is another one entirely: a doubtful pair. */
  private static Rec sameCustomerOtherNationalId(Rec crm) {
    return crm.copyIn("erp", "E")
        .nationalId(String.valueOf(100_000_000_000_000_000L + Math.abs(crm.sourceId().hashCode()) * 7919L));
  }

  private static HttpRequest merge(String keep, String with) {
    return hub.postRequest("/api/v1/profiles/" + keep + "/merge", JSON,
        new JsonObject().put("with", with).put("note", "one customer").encode(), hub.token("steward"));
  }

  private static HttpRequest split(String profile, Rec record) {
    JsonObject key = new JsonObject().put("source", record.source()).put("sourceId", record.sourceId());
    return hub.postRequest("/api/v1/profiles/" + profile + "/split", JSON,
        new JsonObject().put("records", new JsonArray().add(key)).encode(), hub.token("steward"));
  }

  /** Sets the given name by hand, or (null) gives it back to survivorship. */
  private static HttpRequest override(String profile, String givenName) {
    HttpRequest.Builder request = hub.request("/api/v1/profiles/" + profile + "/overrides/givenName",
        hub.token("steward"));
    if (givenName == null) return request.DELETE().build();
    return request.header("Content-Type", JSON).PUT(HttpRequest.BodyPublishers.ofString(
        new JsonObject().put("value", givenName).encode())).build();
  }

  /** A 503 saying what is still being written, worth retrying in a second. */
  private static void assertUnfinished(String mentions, Response r) {
    JsonObject problem = assertProblem(503, r);
    assertTrue(problem.getString("detail").contains("still being written"), problem::encode);
    assertTrue(problem.getString("detail").contains(mentions), problem::encode);
    assertEquals("1", r.header("Retry-After"), r::toString);
  }

  /** No audit entry for the profiles, and no decision on a pair of {@code record} (a merge would store one). */
  private static void assertNothingRecorded(Rec record, String... profiles) {
    for (String profile : profiles) {
      assertEquals(0, rows("select 1 from audit_log where subject = $1", "profile:" + profile).size(),
          "no audit of " + profile);
    }
    assertEquals(0, rows("select 1 from review_pair where decided_by is not null and $1 in (left_id, right_id)",
        record.sourceId()).size(), "no decision on a pair of " + record.sourceId());
  }

  private static String profileOf(Rec r) {
    return hub.crosswalk().get(r.source() + ":" + r.sourceId());
  }

  private static RowSet<Row> rows(String query, Object param) {
    return await(hub.node().database().pool().preparedQuery(query).execute(Tuple.of(param)));
  }
}
