package io.customerhub.resolve;

import io.customerhub.ingest.CanonicalJson;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.resolve.standardize.StandardizerConfig;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records stored before standardization changed keep the standardized values and match keys they were stored with:
 * here the hub is started again on its database with {@code standardize.stripGmailDots} turned on, so that
 * {@code wei.zhang@gmail.com} stored before and {@code weizhang@gmail.com} sent now no longer share their e-mail.
 * {@code POST /admin/reresolve?restandardize=true} standardizes every stored record again from its canonical form
 * as ingest does now, then re-resolves: the rows hold what ingest computes, records that meet only under the new
 * form are joined (by the re-resolution, and online through the candidate index), and what stewards decided stands.
 */
class RestandardizationIT {

  private static final String JSON = "application/json";

  private static String database;
  private static HubTestNode hub;

  // stored before the change: A with two Gmail addresses written with dots, the customers stewards acted on, and
  // two whose values no setting of Gmail dots changes
  private static Rec a;
  private static Rec keptApartLeft;
  private static Rec keptApartRight;
  private static Rec mergedLeft;
  private static Rec mergedRight;
  private static Rec untouched;
  private static Rec untouchedToo;
  // sent after the change: B has A's first address without its dots
  private static Rec b;
  private static String emailOnlyA;
  private static boolean standardizedAsNodeOneStored;
  private static boolean standardizedAsNodeTwoBeforeTheRun;
  private static Map<String, String> beforeRun;
  private static JsonObject job;

  @BeforeAll
  static void storeUnderOneStandardizationThenRestandardizeUnderAnother() {
    database = TestInfra.freshDatabase();
    String given = WireRecords.uniqueName();
    String family = WireRecords.uniqueName();
    String first = gmail(given, family);
    String second = gmail(family, given);
    emailOnlyA = dotless(second);
    a = WireRecords.person("crm", WireRecords.uniqueId("A")).name(given, family).emails(first, second);
    String kept = gmail(WireRecords.uniqueName(), WireRecords.uniqueName());
    keptApartLeft = WireRecords.person("crm", WireRecords.uniqueId("K")).name(WireRecords.uniqueName(), "Keller")
        .emails(kept);
    keptApartRight = keptApartLeft.copyIn("erp", "K");
    mergedLeft = WireRecords.person("crm", WireRecords.uniqueId("M"))
        .name(WireRecords.uniqueName(), WireRecords.uniqueName()).emails(gmail("m", WireRecords.uniqueName()));
    mergedRight = WireRecords.person("erp", WireRecords.uniqueId("M"))
        .name(WireRecords.uniqueName(), WireRecords.uniqueName()).emails(gmail("n", WireRecords.uniqueName()));
    untouched = WireRecords.distinctPerson("crm", "F");
    untouchedToo = WireRecords.distinctPerson("erp", "G");

    try (HubTestNode before = HubTestNode.builder().postgresUrl(database).start()) {
      standardizedAsNodeOneStored = await(before.node().services().restandardizer().check());
      for (Rec r : List.of(a, keptApartLeft, keptApartRight, mergedLeft, mergedRight, untouched,
          untouchedToo)) {
        before.accept(r);
      }
      actAsStewards(before);
    }

    hub = HubTestNode.builder().postgresUrl(database).matching(m -> {
      m.getJsonObject("standardize").put("stripGmailDots", true);
      return m;
    }).start();
    standardizedAsNodeTwoBeforeTheRun = await(hub.node().services().restandardizer().check());
    b = WireRecords.person("web", WireRecords.uniqueId("B")).name(a.json().getString("givenName"),
        a.json().getString("familyName")).emails(dotless(first));
    hub.accept(b);
    beforeRun = hub.crosswalkAsItIs();

    Response started = hub.post("/api/v1/admin/reresolve?restandardize=true", JSON, "{}", hub.adminToken());
    assertEquals(202, started.status(), started::toString);
    assertEquals("restandardizing", started.json().getString("phase"), started::toString);
    job = hub.awaitJob(started.header("Location"));
  }

  /** A split keeps two records of one customer apart, a merge joins two customers, an override names one. */
  private static void actAsStewards(HubTestNode node) {
    String steward = node.token("steward");
    String together = node.profileByKey(keptApartLeft).getString("profileId");
    assertEquals(together, node.profileByKey(keptApartRight).getString("profileId"), "one e-mail, one customer");
    Response split = node.post("/api/v1/profiles/" + together + "/split", JSON, new JsonObject()
        .put("records", new JsonArray().add(new JsonObject().put("source", "erp")
            .put("sourceId", keptApartRight.sourceId()))).put("note", "twins sharing a mailbox").encode(), steward);
    assertEquals(200, split.status(), split::toString);
    String keep = node.profileByKey(mergedLeft).getString("profileId");
    Response merged = node.post("/api/v1/profiles/" + keep + "/merge", JSON, new JsonObject()
        .put("with", node.profileByKey(mergedRight).getString("profileId")).encode(), steward);
    assertEquals(200, merged.status(), merged::toString);
    Response set = node.put("/api/v1/profiles/" + node.profileByKey(a).getString("profileId")
        + "/overrides/givenName", JSON, "{\"value\":\"Corrected\",\"note\":\"passport\"}", steward);
    assertEquals(200, set.status(), set::toString);
  }

  @AfterAll
  static void stopNode() {
    if (hub != null) hub.close();
  }

  @Test
  void everyStoredRecordNowHoldsTheValuesAndKeysIngestComputesForIt() {
    for (Row r : rows("select source, source_id, canonical::text, standard, key_hashes from source_record "
        + "where standard is not null")) {
      CanonicalRecord record = CanonicalJson.decodeStored(r.getString(2));
      Prepared today = Prepared.of(0, new Incoming(record, "{}"), hub.node().services().standardizer());
      String key = r.getString(0) + ":" + r.getString(1);
      assertEquals(today.standardEncoded(), r.getString(3), key);
      assertArrayEquals(today.keyHashes(), Arrays.stream(r.getArrayOfLongs(4)).mapToLong(Long::longValue).toArray(),
          key);
    }
    assertEquals("done", job.getString("state"), job::encode);
    JsonObject counts = job.getJsonObject("restandardization");
    assertEquals(8, counts.getLong("records"), job::encode);
    assertEquals(5, counts.getInteger("changed"), "only the five records with Gmail addresses: " + job.encode());
    assertEquals(0, counts.getInteger("failed"), job::encode);
  }

  @Test
  void recordsThatMeetOnlyUnderTheNewFormAreJoinedByTheRunAndOnline() {
    assertNotEquals(beforeRun.get(HubTestNode.key(a)), beforeRun.get(HubTestNode.key(b)),
        "B met none of A's stored keys when it arrived");
    assertEquals(profileOf(a), profileOf(b), "the re-resolution that follows joins them");

    // C shares A's second address only, written as ingest now stores it: online linking finds A by its new key
    Rec c = WireRecords.person("app", WireRecords.uniqueId("C")).name(a.json().getString("givenName"),
        a.json().getString("familyName")).emails(emailOnlyA);
    assertEquals(profileOf(a), hub.accept(c).getString("profileId"));
  }

  @Test
  void stewardDecisionsStand() {
    assertNotEquals(profileOf(keptApartLeft), profileOf(keptApartRight), "kept apart, though they share an e-mail");
    assertEquals(profileOf(mergedLeft), profileOf(mergedRight), "merged, though nothing of theirs meets");
    assertEquals("Corrected", hub.profileByKey(a).getString("givenName"), "the override went with A's profile");
    assertEquals(beforeRun.get(HubTestNode.key(untouched)), profileOf(untouched));
  }

  /**
   * Two rows made stale again (as a standardization with the online rule "strong" alone stored them); while the run
   * waits for the writer lock to write them, ingest stores a new version of one of them: that row is left as ingest
   * wrote it, and the next run re-standardizes it.
   */
  @Test
  void aRowIngestReplacedAfterItsPageWasReadIsLeftAsIngestWroteIt() {
    Restandardizer restandardizer = hub.node().services().restandardizer();
    Rec replaced = untouchedToo;
    Map<String, String[]> current = new HashMap<>();
    for (Rec r : List.of(untouched, replaced)) current.put(HubTestNode.key(r), makeStale(r));
    SqlConnection gate = await(hub.node().database().pool().getConnection());
    Future<Restandardizer.Result> run;
    try {
      await(gate.query("select pg_advisory_lock(1213547074, -3)").execute());
      run = restandardizer.run(progress -> { });
      awaitWaitingForTheWriterLock();
      // what ingest's write of a new version does to the row that matters here: its version moves on
      await(gate.preparedQuery("update source_record set version = version + 1 where source = $1 and source_id = $2")
          .execute(Tuple.of(replaced.source(), replaced.sourceId())));
    } finally {
      await(gate.query("select pg_advisory_unlock_all()").execute());
      gate.close();
    }

    assertEquals(1, await(run).changed(), "only the row nobody replaced since the read");
    assertArrayEquals(current.get(HubTestNode.key(untouched)), stored(untouched));
    assertNotEquals(current.get(HubTestNode.key(replaced))[0], stored(replaced)[0], "left as the new version is");
    assertEquals(1, await(restandardizer.run(progress -> { })).changed(), "the next run takes the new version");
    assertArrayEquals(current.get(HubTestNode.key(replaced)), stored(replaced));
  }

  /** Rewrites a row as the online rule "strong" alone stores it; returns its standard form and keys as they were. */
  private static String[] makeStale(Rec r) {
    String[] now = stored(r);
    Row row = rows("select canonical::text from source_record where source = $1 and source_id = $2", r).get(0);
    StandardizerConfig c = hub.node().services().standardizer().config();
    Prepared old = Prepared.of(0, new Incoming(CanonicalJson.decodeStored(row.getString(0)), "{}"), new Standardizer(
        new StandardizerConfig(c.defaultRegion(), c.stripGmailDots(), List.of("strong"), List.of(), c.nicknames())));
    await(hub.node().database().pool().preparedQuery("update source_record set standard = $3, "
        + "key_hashes = $4::text::bigint[] where source = $1 and source_id = $2")
        .execute(Tuple.of(r.source(), r.sourceId(), old.standardEncoded(), KeyHash.literal(old.keyHashes()))));
    assertNotEquals(now[0], stored(r)[0]);
    return now;
  }

  /** A row's standard form and key hashes (as an array literal). */
  private static String[] stored(Rec r) {
    Row row = rows("select standard, key_hashes::text from source_record where source = $1 and source_id = $2", r)
        .get(0);
    return new String[] {row.getString(0), row.getString(1)};
  }

  private static void awaitWaitingForTheWriterLock() {
    for (int i = 0; i < 500; i++) {
      // the writer lock (1213547074, -3) taken exclusively: only a run (or a steward's action) asks for it so
      if (!rows("select 1 from pg_locks where locktype = 'advisory' and not granted and classid = 1213547074 "
          + "and objid::text = '4294967293' and objsubid = 2 and mode = 'ExclusiveLock'").isEmpty()) {
        return;
      }
      HubTestNode.sleep(20);
    }
    throw new AssertionError("the run never waited for the writer lock");
  }

  @Test
  void aNodeTellsAtStartWhetherTheStoredRecordsComeFromItsStandardization() {
    assertTrue(standardizedAsNodeOneStored, "an empty hub takes the standardization of the node that starts it");
    assertFalse(standardizedAsNodeTwoBeforeTheRun, "stored with Gmail dots kept, read by a node that drops them");
    assertTrue(await(hub.node().services().restandardizer().check()), "re-standardized: they do now");
  }

  @Test
  void onlyAdminsRestandardizeAndTheFlagIsAYesOrNo() {
    assertProblem(403, hub.post("/api/v1/admin/reresolve?restandardize=true", JSON, "{}", hub.token("steward")));
    JsonObject refused = assertProblem(400, hub.post("/api/v1/admin/reresolve?restandardize=yes", JSON, "{}",
        hub.adminToken()));
    assertTrue(refused.getString("detail").contains("restandardize"), refused::encode);
  }

  private static String gmail(String first, String second) {
    return (first + "." + second).toLowerCase(Locale.ROOT) + "@gmail.com";
  }

  /** The address as Gmail reads it, and as the hub stores it with {@code stripGmailDots}. */
  private static String dotless(String email) {
    int at = email.indexOf('@');
    return email.substring(0, at).replace(".", "") + email.substring(at);
  }

  private static String profileOf(Rec r) {
    return hub.profileByKey(r).getString("profileId");
  }

  private static List<Row> rows(String sql) {
    List<Row> out = new ArrayList<>();
    await(hub.node().database().pool().query(sql).execute()).forEach(out::add);
    return out;
  }

  /** The rows of a statement about one record, its key as {@code $1} and {@code $2}. */
  private static List<Row> rows(String sql, Rec r) {
    List<Row> out = new ArrayList<>();
    await(hub.node().database().pool().preparedQuery(sql).execute(Tuple.of(r.source(), r.sourceId())))
        .forEach(out::add);
    return out;
  }
}
