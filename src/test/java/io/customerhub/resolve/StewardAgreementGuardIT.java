package io.customerhub.resolve;

import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /admin/models/{version}/agreement} and the cluster guard: a pair the model alone would merge, which
 * the guard sent to a steward who kept it apart, is unsure, not a disagreement. The guard stops merges only of
 * profiles of several records whose ids or birth dates conflict, which no pair of two stored records the model
 * merges can show; the two decided pairs are therefore written as the linker writes such pairs
 * ({@code ReviewPairs}), one with the guard's objection and one without.
 */
class StewardAgreementGuardIT extends OneHubPerClass {

  @Test
  void aMergeTheGuardStoppedAndAStewardKeptApartIsUnsureNotAgainst() {
    JsonObject before = agreement();
    keptApart(WireRecords.distinctPerson("crm", "C"), "conflicting national ids");
    keptApart(WireRecords.distinctPerson("crm", "C"), null);

    JsonObject after = agreement();

    assertEquals(before.getInteger("pairs") + 2, after.getInteger("pairs"), after::encode);
    assertEquals(before.getJsonObject("keptApart").getInteger("MERGE") + 2,
        after.getJsonObject("keptApart").getInteger("MERGE"), "the model's own band for both, as it is");
    assertEquals(before.getInteger("guarded") + 1, after.getInteger("guarded"), after::encode);
    assertEquals(before.getInteger("unsure") + 1, after.getInteger("unsure"), "the guard would stop it again");
    assertEquals(before.getInteger("disagreeing") + 1, after.getInteger("disagreeing"), "the one no guard stopped");
  }

  /** A customer in the CRM and the ERP (the model merges the two), as a pair a steward kept apart. */
  private static void keptApart(Rec crm, String guard) {
    Rec erp = crm.copyIn("erp", "E");
    hub.accept(crm);
    hub.accept(erp);
    JsonObject why = new JsonObject().put("band", "MERGE").put("rule", "fellegi-sunter");
    if (guard != null) why.put("guard", guard);
    JsonObject explanation = new JsonObject().put("rule", guard == null ? "fellegi-sunter" : "cluster-guard")
        .put("band", "REVIEW").put("explanation", why);
    hub.node().database().pool().preparedQuery("""
            insert into review_pair (left_source, left_id, right_source, right_id, score, explanation, status,
                                     decided_by, decided_at)
            values ($1, $2, $3, $4, 0.99, $5::text::jsonb, 'kept-apart', 'steward', now())""")
        .execute(Tuple.of(crm.source(), crm.sourceId(), erp.source(), erp.sourceId(), explanation.encode()))
        .toCompletionStage().toCompletableFuture().join();
  }

  private static JsonObject agreement() {
    var answer = hub.get("/api/v1/admin/models/0/agreement", hub.token("steward"));
    assertEquals(200, answer.status(), answer::toString);
    return answer.json();
  }
}
