package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.OneLearningHubPerClass;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model's versions over HTTP: listed newest first, each readable with its model, and an earlier one (or the
 * shipped default) put back to use as the newest version, pinned against automatic training, audited. Learning from
 * the data is on here (a look every second, from 40 records), as in {@code ModelLearningIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelVersionsIT extends OneLearningHubPerClass {

  private static final String JSON = "application/json";

  @Test
  @Order(1)
  void theVersionsAreListedNewestFirstAndEachIsReadableWithItsModel() throws InterruptedException {
    for (Rec r : WireRecords.customersWithErpCopies(36, 3)) hub.accept(r);
    long learned = awaitVersionAbove(0);

    JsonObject list = ok(hub.get("/api/v1/admin/models", hub.adminToken()));

    assertEquals(learned, list.getLong("inUse"));
    JsonObject newest = list.getJsonArray("versions").getJsonObject(0);
    assertEquals(learned, newest.getLong("version"), list::encode);
    assertEquals("upkeep", newest.getString("createdBy"), "learned by the hub itself");
    assertFalse(newest.getBoolean("pinned"));
    assertFalse(list.getBoolean("truncated"));
    JsonObject one = ok(hub.get("/api/v1/admin/models/" + learned, hub.adminToken()));
    assertEquals(model().getJsonObject("model"), one.getJsonObject("model"), "the stored model is the one in use");
    assertTrue(one.getBoolean("inUse"));
    JsonObject shipped = ok(hub.get("/api/v1/admin/models/0", hub.token("steward")));
    assertFalse(shipped.getBoolean("inUse"), "version 0, the shipped default, is readable by a steward too");
  }

  /**
   * The shipped default put back, pinned: automatic training leaves it in use although the records doubled, and the
   * young hub re-resolves them with it.
   */
  @Test
  @Order(2)
  void aRestoredModelIsTheNewestVersionAndAutomaticTrainingLeavesItAlone() throws InterruptedException {
    long before = model().getLong("version");

    Response restored = hub.post("/api/v1/admin/models/0/restore", JSON,
        "{\"note\": \"the learned model merged two shops' walk-in customers (ticket 4711)\"}", hub.adminToken());

    assertEquals(201, restored.status(), restored::toString);
    JsonObject v = restored.json();
    long version = v.getLong("version");
    assertTrue(version > before, restored::toString);
    assertEquals(0, v.getLong("restoredFrom"));
    assertTrue(v.getBoolean("pinned"), "pinned unless asked otherwise");
    assertEquals("/api/v1/admin/models/" + version, restored.header("Location"));
    assertEquals(version, model().getLong("version"), "in use at once");
    assertEquals(ok(hub.get("/api/v1/admin/models/0", hub.adminToken())).getJsonObject("model"),
        model().getJsonObject("model"));
    JsonObject entry = ok(hub.get("/api/v1/audit?subject=model:" + version, hub.token("steward")))
        .getJsonArray("items").getJsonObject(0);
    assertEquals("model.restored", entry.getString("action"), entry::encode);
    assertTrue(entry.getJsonObject("detail").getString("note").contains("ticket 4711"), entry::encode);

    // twice the records the model was restored at: a training would be due, were it not pinned
    for (Rec r : WireRecords.customersWithErpCopies(72, 3)) hub.accept(r);
    hub.crosswalk();

    assertEquals(version, newestVersion(), "no version trained over the pinned one");
    assertEquals(version, model().getLong("version"));
    long[] reresolved = await(hub.node().services().models().lastReresolution());
    assertEquals(version, reresolved[0], "the young hub re-resolved its records with the restored model");
  }

  /**
   * A dry run tells what re-resolving with a stored version would change, and a run with it then changes exactly
   * that; a dry run with the model the records were just re-resolved with finds nothing to change.
   */
  @Test
  @Order(3)
  void aDryRunTellsWhatARunWithAModelWouldChangeAndChangesNothing() {
    long learned = oldestVersion();
    java.util.Map<String, String> before = hub.crosswalk();

    JsonObject dry = hub.awaitJob(hub.post("/api/v1/admin/reresolve?dryRun=true&model=" + learned, JSON, "{}",
        hub.adminToken()).header("Location"));

    assertEquals("done", dry.getString("state"), dry::encode);
    assertTrue(dry.getBoolean("dryRun"));
    assertEquals(learned, dry.getLong("modelVersion"));
    JsonObject preview = dry.getJsonObject("preview");
    assertEquals(before.size(), preview.getInteger("records"), preview::encode);
    assertEquals(new java.util.HashSet<>(before.values()).size(), preview.getInteger("profilesNow"), preview::encode);
    assertEquals(before, hub.crosswalk(), "nothing moved");
    long[] kept = await(hub.node().services().models().lastReresolution());

    Response restored = hub.post("/api/v1/admin/models/" + learned + "/restore", JSON,
        "{\"note\": \"back to the learned one\"}", hub.adminToken());
    assertEquals(201, restored.status(), restored::toString);
    assertEquals(kept[0] + 1, restored.json().getLong("version"), "the dry run kept no re-resolution");
    JsonObject run = hub.awaitJob(hub.post("/api/v1/admin/reresolve", JSON, "{}", hub.adminToken())
        .header("Location"));
    assertEquals(preview.getInteger("moving"), run.getInteger("moved"), () -> preview.encode() + " " + run.encode());
    JsonObject again = hub.awaitJob(hub.post("/api/v1/admin/reresolve?dryRun=true", JSON, "{}", hub.adminToken())
        .header("Location"));
    assertEquals(0, again.getJsonObject("preview").getInteger("moving"), again::encode);
    assertEquals(restored.json().getLong("version"), again.getLong("modelVersion"), "the model in use");

    assertProblem(404, hub.post("/api/v1/admin/reresolve?dryRun=true&model=987654", JSON, "{}", hub.adminToken()));
    assertProblem(400, hub.post("/api/v1/admin/reresolve?model=1", JSON, "{}", hub.adminToken()));
    assertProblem(400, hub.post("/api/v1/admin/reresolve?dryRun=true&restandardize=true", JSON, "{}",
        hub.adminToken()));
    assertProblem(400, hub.post("/api/v1/admin/reresolve?dryRun=maybe", JSON, "{}", hub.adminToken()));
  }

  /** Unpinned, a restore is an ordinary version; a training an administrator asks for always makes a new one. */
  @Test
  @Order(4)
  void anUnpinnedRestoreAndATrainingMakeOrdinaryVersions() {
    long learned = oldestVersion();

    Response restored = hub.post("/api/v1/admin/models/" + learned + "/restore", JSON,
        "{\"note\": \"back to the learned one\", \"pin\": false}", hub.adminToken());

    assertEquals(201, restored.status(), restored::toString);
    assertFalse(restored.json().getBoolean("pinned"));
    assertEquals(learned, restored.json().getLong("restoredFrom"));
    assertEquals(ok(hub.get("/api/v1/admin/models/" + learned, hub.adminToken())).getJsonObject("model"),
        model().getJsonObject("model"));
    Response trained = hub.post("/api/v1/admin/train", JSON, "{}", hub.adminToken());
    assertEquals(200, trained.status(), trained::toString);
    assertTrue(trained.json().getLong("version") > restored.json().getLong("version"));
    assertFalse(ok(hub.get("/api/v1/admin/models?limit=1", hub.adminToken())).getJsonArray("versions")
        .getJsonObject(0).getBoolean("pinned"), "a training ends a pin");
  }

  @Test
  @Order(5)
  void badRequestsAreRefusedNamingTheField() {
    String admin = hub.adminToken();
    assertProblem(404, hub.get("/api/v1/admin/models/987654", admin));
    assertProblem(400, hub.get("/api/v1/admin/models/latest", admin));
    assertProblem(400, hub.get("/api/v1/admin/models?limit=0", admin));
    assertProblem(404, hub.post("/api/v1/admin/models/987654/restore", JSON, "{\"note\": \"x\"}", admin));
    assertTrue(assertProblem(400, hub.post("/api/v1/admin/models/0/restore", JSON, "{}", admin))
        .getString("detail").startsWith("note:"));
    assertTrue(assertProblem(400, hub.post("/api/v1/admin/models/0/restore", JSON,
        "{\"note\": \"x\", \"pin\": \"yes\"}", admin)).getString("detail").startsWith("pin:"));
    assertProblem(400, hub.post("/api/v1/admin/models/-1/restore", JSON, "{\"note\": \"x\"}", admin));
    assertProblem(403, hub.post("/api/v1/admin/models/0/restore", JSON, "{\"note\": \"x\"}", hub.token("steward")));
    assertProblem(403, hub.get("/api/v1/admin/models", hub.token("reader", "router", "ingest")));
    assertProblem(401, hub.get("/api/v1/admin/models", null));
  }

  /** A training or re-resolution under way could store its model after the restore and undo it: refused meanwhile. */
  @Test
  @Order(6)
  void aRestoreWhileATrainingRunsIsRefused() {
    long before = newestVersion();
    SqlConnection holder = await(hub.node().database().pool().getConnection());
    try {
      // another node's run, as PostgreSQL sees it: the cluster's re-resolution lock held by another session
      await(holder.query("select pg_advisory_lock(1213547074, -7)").execute());
      JsonObject problem = assertProblem(409, hub.post("/api/v1/admin/models/0/restore", JSON,
          "{\"note\": \"x\"}", hub.adminToken()));
      assertTrue(problem.getString("detail").contains("another re-resolution or training"), problem::encode);
      await(holder.query("select pg_advisory_unlock(1213547074, -7)").execute());
    } finally {
      holder.close();
    }
    assertEquals(before, newestVersion(), "nothing stored");
  }

  private static long oldestVersion() {
    JsonArray versions = ok(hub.get("/api/v1/admin/models", hub.adminToken())).getJsonArray("versions");
    return versions.getJsonObject(versions.size() - 1).getLong("version");
  }

  /** A pin for some days: automatic training leaves the model alone until then, and learns again after. */
  @Test
  @Order(7)
  void aPinForSomeDaysEndsByItself() {
    String admin = hub.adminToken();
    Response restored = hub.post("/api/v1/admin/models/0/restore", JSON,
        "{\"note\": \"until the bad feed is cleaned (ticket 4712)\", \"pinDays\": 30}", admin);

    assertEquals(201, restored.status(), restored::toString);
    long version = restored.json().getLong("version");
    assertTrue(restored.json().getBoolean("pinned"), restored::toString);
    long days = java.time.Duration.between(java.time.Instant.now(),
        java.time.Instant.parse(restored.json().getString("pinnedUntil"))).toHours();
    assertTrue(days >= 30 * 24 - 1 && days <= 30 * 24, "thirty days from now: " + restored.json());
    assertTrue(await(hub.node().services().models().newest()).pinned(), "automatic training leaves it alone");

    // thirty days later
    await(hub.node().database().pool().preparedQuery(
        "update match_model set pinned_until = now() - interval '1 minute' where version = $1")
        .execute(io.vertx.sqlclient.Tuple.of(version)));

    JsonObject after = ok(hub.get("/api/v1/admin/models/" + version, admin));
    assertFalse(after.getBoolean("pinned"), "the pin is over: " + after);
    assertTrue(after.containsKey("pinnedUntil"), after::encode);
    assertFalse(await(hub.node().services().models().newest()).pinned(), "automatic training learns again");

    for (String bad : new String[] {"0", "3651", "\"30\"", "30.5"}) {
      assertTrue(assertProblem(400, hub.post("/api/v1/admin/models/0/restore", JSON,
          "{\"note\": \"x\", \"pinDays\": " + bad + "}", admin)).getString("detail").startsWith("pinDays:"), bad);
    }
    assertTrue(assertProblem(400, hub.post("/api/v1/admin/models/0/restore", JSON,
        "{\"note\": \"x\", \"pin\": false, \"pinDays\": 3}", admin)).getString("detail").startsWith("pinDays:"));
  }

  private static long newestVersion() {
    return ok(hub.get("/api/v1/admin/models?limit=1", hub.adminToken())).getJsonArray("versions").getJsonObject(0)
        .getLong("version");
  }

  private static JsonObject model() {
    return ok(hub.get("/api/v1/admin/model", hub.adminToken()));
  }

  private static JsonObject ok(Response r) {
    assertEquals(200, r.status(), r::toString);
    return r.json();
  }

  private static long awaitVersionAbove(long version) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (model().getLong("version") <= version && System.nanoTime() < deadline) Thread.sleep(200);
    long now = model().getLong("version");
    assertTrue(now > version, "no model learned within 60 s");
    return now;
  }
}
