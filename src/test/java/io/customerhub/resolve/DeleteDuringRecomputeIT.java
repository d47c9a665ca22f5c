package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.customerhub.testing.Futures.await;
import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Protects the profiles a batch creates from records that another batch deletes between the creating batch's two
 * transactions (linking, then writing the new profiles from the records it holds): the profile must end up as
 * the records are stored, not as the creating batch last saw them. A slow insert (pg_sleep in a trigger) stands for
 * a big batch whose second transaction takes a few seconds, and makes the interleaving certain.
 */
class DeleteDuringRecomputeIT extends OneHubPerClass {

  @AfterEach
  void dropSlowInsert() {
    sql("drop trigger if exists slow_insert on profile");
    sql("drop function if exists slow_insert()");
  }

  /** The delete's recomputation finds neither row nor members; the creating batch's insert must not revive it. */
  @Test
  void aRecordDeletedWhileItsNewProfileIsBeingWrittenLeavesNoActiveProfile() throws Exception {
    Rec record = person("crm", uniqueId("C")).name("Slowcreate", "Gonegone").emails(uniqueEmail("slow"))
        .updatedAt(at(0));
    slowInsertOfProfilesContaining("Slowcreate");

    CompletableFuture<HubTestNode.Response> create = createAsync(List.of(record));
    String profileId = awaitLinked(record);
    assertEquals("deleted", hub.accept(record.copy().deleted().updatedAt(at(5))).getString("outcome"));
    assertEquals(200, create.get(30, TimeUnit.SECONDS).status());

    assertEquals(0L, members(profileId), "the deleted record left the crosswalk");
    Row row = profileRow(profileId);
    assertEquals("deleted", row.getString(0), () -> "a profile without members, body " + row.getString(1));
    assertProblem(404, hub.profileResponse(profileId));
  }

  /**
   * The delete's recomputation writes the profile from its remaining member first; the creating batch's insert
   * then fails on the key, and its retry must read the members as stored, not write the ones it held.
   */
  @Test
  void aMemberDeletedWhileItsNewProfileIsBeingWrittenIsNotWrittenBack() throws Exception {
    String email = uniqueEmail("kept");
    String second = uniqueEmail("slowsecond");
    Rec kept = person("crm", uniqueId("C")).name("Katrin", "Keptmember").emails(email).updatedAt(at(0));
    Rec gone = person("crm", uniqueId("C")).name("Katrin", "Keptmember").emails(email, second).updatedAt(at(0));
    slowInsertOfProfilesContaining(second);

    CompletableFuture<HubTestNode.Response> create = createAsync(List.of(kept, gone));
    String profileId = awaitLinked(gone);
    assertEquals(profileId, awaitLinked(kept), "both records make one profile");
    assertEquals("deleted", hub.accept(gone.copy().deleted().updatedAt(at(5))).getString("outcome"));
    assertEquals(200, create.get(30, TimeUnit.SECONDS).status());

    JsonObject profile = hub.profile(profileId);
    assertEquals(List.of(HubTestNode.key(kept)), HubTestNode.recordKeys(profile), profile::encode);
    assertEquals(List.of(email), profile.getJsonArray("emails").getList(), profile::encode);
  }

  /** No trigger: one request of 1,001 lines, the record's create in the first batch of 1,000, its delete alone in the second. */
  @Test
  void aCreateAndItsDeleteInConsecutiveBatchesOfOneRequestLeaveNoActiveProfile() {
    Rec record = person("crm", uniqueId("C")).name("Pipelined", "Deletion").emails(uniqueEmail("pipe"))
        .updatedAt(at(0));
    List<Object> lines = new ArrayList<>();
    for (int i = 0; i < 999; i++) lines.add(WireRecords.distinctPerson("crm", "N"));
    lines.add(record);
    lines.add(record.copy().deleted().updatedAt(at(5)));

    List<JsonObject> answers = hub.ingest("crm", lines);
    String profileId = answers.get(999).getString("profileId");
    assertEquals("deleted", answers.get(1000).getString("outcome"));
    assertEquals("deleted", profileRow(profileId).getString(0), "the profile of a record created and then deleted");
  }

  private static CompletableFuture<HubTestNode.Response> createAsync(List<Rec> records) {
    return HubTestNode.sendAsync(hub.postRequest("/api/v1/records/crm", HubTestNode.NDJSON,
        WireRecords.ndjson(records), hub.adminToken()));
  }

  /** Every profile insert whose body contains {@code marker} takes three seconds. */
  private static void slowInsertOfProfilesContaining(String marker) {
    sql("create function slow_insert() returns trigger language plpgsql as $$ "
        + "begin perform pg_sleep(3); return new; end $$");
    sql("create trigger slow_insert before insert on profile for each row "
        + "when (new.body::text like '%" + marker + "%') execute function slow_insert()");
  }

  /** The profile the record's creating batch linked it to, once that batch's first transaction has committed. */
  private static String awaitLinked(Rec record) {
    for (int i = 0; i < 250; i++) {
      RowSet<Row> rows = await(hub.node().database().pool()
          .preparedQuery("select profile_id::text from crosswalk where source = $1 and source_id = $2")
          .execute(Tuple.of(record.source(), record.sourceId())));
      if (rows.size() > 0) return rows.iterator().next().getString(0);
      HubTestNode.sleep(20);
    }
    throw new AssertionError("the creating batch did not link " + record.sourceId());
  }

  private static long members(String profileId) {
    return await(hub.node().database().pool()
        .preparedQuery("select count(*) from crosswalk where profile_id = $1::uuid").execute(Tuple.of(profileId)))
        .iterator().next().getLong(0);
  }

  private static Row profileRow(String profileId) {
    RowSet<Row> rows = await(hub.node().database().pool()
        .preparedQuery("select status, body::text from profile where profile_id = $1::uuid").execute(Tuple.of(profileId)));
    assertEquals(1, rows.size(), "the profile has a row");
    return rows.iterator().next();
  }

  private static void sql(String statement) {
    await(hub.node().database().pool().query(statement).execute());
  }
}
