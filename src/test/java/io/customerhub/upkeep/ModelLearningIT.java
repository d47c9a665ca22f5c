package io.customerhub.upkeep;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.OneLearningHubPerClass;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.customerhub.resolve.match.Field;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A young hub learns its match model from the records it was given once ingest goes quiet, and re-resolves them
 * with it without breaking what was right, every node puts the newest model to use, and a reader of the crosswalk
 * right after a load gets the result of that learning. Learning is on here (a look every second, from 40
 * records), off in the other integration tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelLearningIT extends OneLearningHubPerClass {


  @Test
  @Order(1)
  void onceIngestGoesQuietTheHubLearnsFromItsRecordsAndKeepsWhatWasRight() throws InterruptedException {
    assertEquals(0, model().getLong("version"), "no model learned from no data");
    List<Rec> records = WireRecords.customersWithErpCopies(36, 3);
    for (Rec r : records) hub.accept(r);
    Map<String, String> asLoaded = hub.crosswalkAsItIs();
    assertEquals(12, pairs(asLoaded), "the twelve pairs sharing an e-mail were merged as they came");

    JsonObject learned = awaitModel(60);

    assertTrue(learned.getString("note").contains("records=" + records.size()), learned::encode);
    assertEquals(HubTestNode.partition(asLoaded), HubTestNode.partition(hub.crosswalk()), "re-resolved with the learned model, nothing moved");
  }

  /** Runs after the records of the first test are stored: training needs some. */
  @Test
  @Order(2)
  void aModelAnotherNodeTrainedIsPutToUseHere() throws InterruptedException {
    HubTestNode other = HubTestNode.builder().postgresUrl(hub.pgUrl()).env("HUB_UPKEEP_LEARN_WHEN_QUIET_SECONDS", "1")
        .ownHazelcastMember().start();
    try {
      Response trained = other.post("/api/v1/admin/train", "application/json", "{}", other.adminToken());
      assertEquals(200, trained.status(), trained::toString);
      long version = trained.json().getLong("version");

      long deadline = System.nanoTime() + 30_000_000_000L;
      while (model().getLong("version") < version && System.nanoTime() < deadline) Thread.sleep(200);

      assertEquals(version, model().getLong("version"), "the newest model is in use on every node");
    } finally {
      other.close();
    }
  }

  /**
   * Runs after the others: with the records already stored, these make a training due. A reader of the crosswalk
   * right after a load (the loader's next step) gets the one of the model learned from that load, not the one of
   * records linked before the model had seen them: without waiting, the quiet look would only start learning a
   * second or two later.
   */
  @Test
  @Order(3)
  void aCrosswalkReadRightAfterALoadWaitsForTheHubToLearnFromIt() {
    List<JsonObject> records = WireRecords.customersWithSeveralRecords();
    long versionBefore = model().getLong("version");
    Response loaded = hub.post("/api/v1/records/people", "application/x-ndjson", WireRecords.ndjson(records),
        hub.adminToken());
    assertEquals(200, loaded.status(), loaded::toString);

    Map<String, String> read = only(records, hub.crosswalk());

    assertTrue(model().getLong("version") > versionBefore, "learned from the load before answering");
    assertEquals(WireRecords.byCustomer(records), HubTestNode.partition(read), "one profile per customer");
  }

  /**
   * A load that paused half-way let the hub learn from its first half; the rest, far fewer than the
   * records already re-resolved, would stay as linked online if re-resolution waited for the records to double.
   */
  @Test
  @Order(4)
  void aCrosswalkReadReResolvesTheRecordsLinkedSinceTheLastReResolutionEvenAFew() {
    hub.crosswalk();
    double before = reresolutions();
    for (Rec r : WireRecords.customersWithErpCopies(4, 2)) hub.accept(r);

    hub.crosswalk();

    assertEquals(before + 1, reresolutions(), "the read re-resolved the few records loaded since");
    hub.crosswalk();
    assertEquals(before + 1, reresolutions(), "nothing loaded since: nothing to do");
  }

  /**
   * What was re-resolved is kept in PostgreSQL, not only in the memory of the node that did it: a node started on
   * the database after records were linked online since the last re-resolution (the node before it stopped, or was
   * killed, before a reader of the crosswalk came) still re-resolves them for that reader, as the node that linked
   * them would have. It used to count every record it found stored as re-resolved, and answered the crosswalk as
   * linked online.
   */
  @Test
  @Order(5)
  void aNodeStartedAfterALoadStillOwesTheReResolutionItsPredecessorHadNotDone() {
    hub.crosswalk();
    for (Rec r : WireRecords.customersWithErpCopies(4, 2)) hub.accept(r);
    HubTestNode restarted = HubTestNode.builder().postgresUrl(hub.pgUrl())
        .env("HUB_UPKEEP_LEARN_WHEN_QUIET_SECONDS", "1").ownHazelcastMember().start();
    try {
      restarted.crosswalk();
      assertEquals(1, restarted.counter("hub_learning_reresolutions_total"),
          "the read re-resolved the records linked online before this node started");
      restarted.crosswalk();
      assertEquals(1, restarted.counter("hub_learning_reresolutions_total"), "nothing loaded since: nothing to do");
    } finally {
      restarted.close();
    }
  }

  /**
   * Runs last. A model an earlier release learned, when the address was compared in fewer levels, is stored as the
   * newest, as if trained on far more records than there are (no growth would make a training due): the hub learns
   * again rather than weigh the added levels by their priors for ever.
   */
  @Test
  @Order(6)
  void aModelAnEarlierReleaseLearnedWithFewerLevelsIsLearnedAgain() throws InterruptedException {
    JsonObject current = model().getJsonObject("model");
    JsonObject address = current.getJsonObject("fields").getJsonObject("address");
    address.put("levels", new JsonArray(List.of("EXACT", "STREET", "AREA", "DIFFERENT")))
        .put("m", new JsonArray(List.of(0.6, 0.1, 0.1, 0.2)))
        .put("u", new JsonArray(List.of(0.0005, 0.001, 0.02, 0.9785)));
    long earlier = hub.node().database().pool()
        .preparedQuery("insert into match_model (model, trained_on, created_by) values ($1::text::jsonb, $2, $3) "
            + "returning version")
        .execute(Tuple.of(current.encode(), 1_000_000_000L, "an earlier release"))
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);

    // the next quiet look after some ingest puts the newest model to use, and finds it learned with fewer levels
    for (Rec r : WireRecords.customersWithErpCopies(2, 2)) hub.accept(r);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (model().getLong("version") <= earlier && System.nanoTime() < deadline) Thread.sleep(200);

    JsonObject relearned = model();
    assertTrue(relearned.getLong("version") > earlier, relearned::encode);
    assertEquals(Field.ADDRESS.levels(), relearned.getJsonObject("model").getJsonObject("fields")
        .getJsonObject("address").getJsonArray("levels").getList());
  }

  /**
   * A reader of the crosswalk ends a load: the model learns from all of it. The quiet look trains again once the
   * records doubled, and a load that paused where they had not was read with a model of its first part (4,800
   * records read with a model of 2,487 in an audit).
   */
  @Test
  @Order(7)
  void aCrosswalkReadTrainsOnTheWholeLoadOnceTheRecordsGrewATenthSinceTheModel() {
    for (Rec r : WireRecords.customersWithErpCopies(30, 2)) hub.accept(r); // past the 40 records it learns from
    hub.crosswalk();
    long trainedOn = trainedOn(model().getLong("version"));
    long stored = hub.node().services().models().identityRecords().toCompletionStage().toCompletableFuture().join();
    long wanted = (long) Math.ceil(trainedOn * 1.3) - stored; // past a tenth more, short of double
    for (Rec r : WireRecords.customersWithErpCopies((int) Math.max(2, (wanted + 1) / 2), 2)) hub.accept(r);
    long now = hub.node().services().models().identityRecords().toCompletionStage().toCompletableFuture().join();
    assertTrue(now >= trainedOn * 1.1 && now < trainedOn * 2, now + " records against a model of " + trainedOn);

    hub.crosswalk();

    assertEquals(now, trainedOn(model().getLong("version")), "trained on every record stored when it was read");
  }

  private static long trainedOn(long version) {
    Response r = hub.get("/api/v1/admin/models/" + version, hub.adminToken());
    assertEquals(200, r.status(), r::toString);
    return r.json().getLong("trainedOn");
  }

  private static double reresolutions() {
    return hub.counter("hub_learning_reresolutions_total");
  }

  private static Map<String, String> only(List<JsonObject> records, Map<String, String> crosswalk) {
    Map<String, String> out = new java.util.HashMap<>();
    for (JsonObject r : records) {
      String key = r.getString("source") + ":" + r.getString("sourceId");
      out.put(key, crosswalk.get(key));
    }
    return out;
  }

  private static JsonObject model() {
    Response r = hub.get("/api/v1/admin/model", hub.adminToken());
    assertEquals(200, r.status(), r::toString);
    return r.json();
  }

  private static JsonObject awaitModel(int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    JsonObject m = model();
    while (m.getLong("version") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      m = model();
    }
    JsonObject last = m;
    assertTrue(last.getLong("version") > 0, () -> "no model learned within " + seconds + " s: " + last.encode());
    return m;
  }

  private static long pairs(Map<String, String> crosswalk) {
    return HubTestNode.partition(crosswalk).stream().filter(g -> g.size() == 2).count();
  }

}
