package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model's administration over HTTP: {@code POST /admin/train} puts a new model version to use, and
 * {@code POST /admin/reresolve} re-runs resolution as a job whose progress can be read, keeping what was right.
 */
class ModelAdminIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  /**
   * Thirty customers; ten of them are also in the ERP with the same e-mail, differently written, and one more is
   * in the ERP under another name, joined only by the ERP's explicit link to it.
   */
  @BeforeAll
  static void loadCustomers() {
    List<Rec> records = new ArrayList<>(WireRecords.customersWithErpCopies(30, 3));
    Rec crm = WireRecords.distinctPerson("crm", "C");
    records.add(crm);
    records.add(WireRecords.person("erp", WireRecords.uniqueId("E"))
        .name(WireRecords.uniqueName(), WireRecords.uniqueName()).link(crm.source(), crm.sourceId()));
    for (Rec r : records) hub.accept(r);
  }

  @Test
  void trainingPutsANewModelVersionToUse() {
    long before = model().getLong("version");

    Response trained = hub.post("/api/v1/admin/train", JSON, "{}", hub.adminToken());

    assertEquals(200, trained.status(), trained::toString);
    long version = trained.json().getLong("version");
    assertTrue(version > before, trained::toString);
    assertEquals(version, model().getLong("version"), "the new version is the one in use");
  }

  @Test
  void reresolutionRunsAsAJobAndKeepsEveryProfileThatWasRight() {
    Map<String, String> before = hub.crosswalk();
    assertEquals(11, HubTestNode.partition(before).stream().filter(g -> g.size() == 2).count(),
        "the ten pairs and the linked pair were merged");

    Response started = hub.post("/api/v1/admin/reresolve", JSON, "{}", hub.adminToken());

    assertEquals(202, started.status(), started::toString);
    String job = started.header("Location");
    JsonObject state = hub.awaitJob(job);
    assertEquals("done", state.getString("state"), state::encode);
    assertEquals(0, state.getInteger("moved"), "nothing was wrong, nothing moves: " + state.encode());
    Map<String, String> after = hub.crosswalk();
    assertEquals(before, after, "every record keeps its profile id");
    assertEquals(HubTestNode.partition(before), HubTestNode.partition(after));
    for (String profileId : new HashSet<>(after.values())) {
      assertEquals(200, hub.get("/api/v1/profiles/" + profileId, hub.adminToken()).status());
    }
  }

  /**
   * An administrator's re-resolution is kept in PostgreSQL as the last one, as upkeep's own are: it was not, and a node
   * started after it read the state of the run before, found the newer model not yet applied and re-resolved every
   * record once more for the first reader of the crosswalk.
   */
  @Test
  void anAdministratorsReresolutionIsKeptAndNotRunAgainByANodeStartedAfterIt() {
    Response trained = hub.post("/api/v1/admin/train", JSON, "{}", hub.adminToken());
    assertEquals(200, trained.status(), trained::toString);
    long version = trained.json().getLong("version");

    JsonObject state = hub.awaitJob(hub.post("/api/v1/admin/reresolve", JSON, "{}", hub.adminToken())
        .header("Location"));

    assertEquals("done", state.getString("state"), state::encode);
    ModelStore models = hub.node().services().models();
    long[] kept = await(models.lastReresolution());
    assertEquals(version, kept[0], "the model version it re-resolved with");
    assertEquals(await(models.identityRecords()), kept[1], "the identity records it re-resolved");
    // one that learns, as a young hub ships: its crosswalk reads first re-resolve whatever is owed
    try (HubTestNode started = HubTestNode.builder().postgresUrl(hub.pgUrl())
        .env("HUB_UPKEEP_LEARN_WHEN_QUIET_SECONDS", "1").ownHazelcastMember().start()) {
      started.crosswalk();
      assertEquals(0, started.counter("hub_learning_reresolutions_total"), "nothing owed: the job did it");
    }
  }

  /** One re-resolution at a time in the cluster: a second one, on any node, does nothing and says why. */
  @Test
  void aReresolutionWhileAnotherRunsDoesNothingAndSaysWhy() {
    io.vertx.sqlclient.SqlConnection holder = await(hub.node().database().pool().getConnection());
    try {
      // another node's run, as PostgreSQL sees it: the cluster's re-resolution lock held by another session
      await(holder.query("select pg_advisory_lock(1213547074, -7)").execute());
      JsonObject state = hub.awaitJob(hub.post("/api/v1/admin/reresolve", JSON, "{}", hub.adminToken())
          .header("Location"));
      assertEquals("failed", state.getString("state"), state::encode);
      assertTrue(state.getString("error").contains("another re-resolution"), state::encode);
      await(holder.query("select pg_advisory_unlock(1213547074, -7)").execute());
      JsonObject after = hub.awaitJob(hub.post("/api/v1/admin/reresolve", JSON, "{}", hub.adminToken())
          .header("Location"));
      assertEquals("done", after.getString("state"), after::encode);
      assertEquals(after.getLong("total"), after.getLong("done"), "its progress reached its end: " + after.encode());
    } finally {
      holder.close();
    }
  }

  /** A client polling through a load balancer finds the job wherever its request lands. */
  @Test
  void aJobsProgressIsReadableFromAnotherNode() {
    try (HubTestNode other = HubTestNode.builder().postgresUrl(hub.pgUrl()).ownHazelcastMember().start()) {
      Response started = hub.post("/api/v1/admin/reresolve", JSON, "{}", hub.adminToken());
      assertEquals(202, started.status(), started::toString);
      JsonObject state = other.awaitJob(started.header("Location"));
      assertEquals("done", state.getString("state"), state::encode);
      assertEquals(state, hub.awaitJob(started.header("Location")), "both nodes tell the same");
      assertProblem(404, other.get("/api/v1/admin/jobs/no-such-job", other.adminToken()));
    }
  }

  @Test
  void onlyAdminsTrainOrReresolve() {
    String steward = hub.token("steward", "reader", "ingest", "router");
    assertProblem(403, hub.post("/api/v1/admin/train", JSON, "{}", steward));
    assertProblem(403, hub.post("/api/v1/admin/reresolve", JSON, "{}", steward));
    assertProblem(404, hub.get("/api/v1/admin/jobs/no-such-job", hub.adminToken()));
  }

  private static JsonObject model() {
    Response r = hub.get("/api/v1/admin/model", hub.adminToken());
    assertEquals(200, r.status(), r::toString);
    return r.json();
  }

}
