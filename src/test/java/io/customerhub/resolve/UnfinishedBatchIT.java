package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.customerhub.testing.Futures.await;
import static io.customerhub.testing.HubTestNode.key;
import static io.customerhub.testing.HubTestNode.recordKeys;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch links its records in one transaction and recomputes their profiles in a second one. When it stops in
 * between (here: PostgreSQL refuses the second one as if it had run out of resources), the records stay linked,
 * the request fails so that the caller knows, and the upkeep recomputes the profiles the batch left marked.
 */
class UnfinishedBatchIT {

  private static HubTestNode hub;

  @BeforeAll
  static void start() {
    hub = HubTestNode.builder().env("HUB_UPKEEP_RECOVER_AFTER_SECONDS", "1").start();
  }

  @AfterAll
  static void stop() {
    if (hub != null) hub.close();
  }

  @Test
  void profilesABatchLinkedButDidNotWriteAreWrittenByTheUpkeep() {
    Rec record = person("crm", uniqueId("C")).name("Unfinished", "Batch").emails(uniqueEmail("unfinished"));
    sql("""
        create function refuse_unfinished() returns trigger language plpgsql as $$
        begin raise exception 'out of resources (test)' using errcode = '53200'; end $$""");
    sql("""
        create trigger refuse_unfinished before insert on profile for each row
        when (new.body::text like '%Unfinished%') execute function refuse_unfinished()""");

    HubTestNode.Response answer = hub.post("/api/v1/records/crm", "application/x-ndjson", record.json().encode(),
        hub.token("ingest"));

    assertEquals(503, answer.status(), answer::toString);
    assertTrue(hub.crosswalk().containsKey(key(record)), "the record was linked before the second transaction failed");
    assertEquals(1L, count("select coalesce(sum(cardinality(profile_ids)), 0) from profile_dirty_batch"), "the unwritten profile is marked");

    sql("drop trigger refuse_unfinished on profile");
    List<String> members = recordKeys(hub.awaitProfile("crm", record.sourceId(), p -> true,
        Duration.ofSeconds(20)));

    assertEquals(List.of(key(record)), members);
    assertEquals(0L, count("select count(*) from profile_dirty_batch"), "the mark is cleared with the profile");
  }

  @Test
  void aMarkThatKeepsFailingDoesNotHoldUpTheOthers() {
    Rec stuck = person("crm", uniqueId("C")).name("Stuckling", "Ravensworth").emails(uniqueEmail("stuck"));
    Rec later = person("crm", uniqueId("C")).name("Laterman", "Quillfeather").emails(uniqueEmail("later"));
    refuseProfilesLike("refuse_stuck", "Stuckling");
    refuseProfilesLike("refuse_later", "Laterman");
    assertEquals(503, hub.post("/api/v1/records/crm", "application/x-ndjson", stuck.json().encode(),
        hub.token("ingest")).status());
    assertEquals(503, hub.post("/api/v1/records/crm", "application/x-ndjson", later.json().encode(),
        hub.token("ingest")).status());

    sql("drop trigger refuse_later on profile");
    // the older mark (the stuck batch's) is tried first in every round, and fails every time
    hub.awaitProfile("crm", later.sourceId(), p -> true, Duration.ofSeconds(20));
    assertEquals(1L, count("select count(*) from profile_dirty_batch"), "only the failing batch is still marked");

    sql("drop trigger refuse_stuck on profile");
    hub.awaitProfile("crm", stuck.sourceId(), p -> true, Duration.ofSeconds(20));
  }

  /**
   * Found by killing a hub between a batch's two transactions: started again, it left the batch's profiles unwritten
   * until the mark aged (60 s), refusing every batch that would merge into them. Now it repairs them as it starts.
   */
  @Test
  void aNodeThatStartsRepairsEveryMarkBeforeItAnswers() {
    Rec record = person("crm", uniqueId("C")).name("Crashling", "Restartson").emails(uniqueEmail("crashed"));
    HubTestNode crashed = HubTestNode.builder().env("HUB_UPKEEP_RECOVER_AFTER_SECONDS", "3600").start();
    String pgUrl = crashed.pgUrl();
    try {
      HubTestNode.Response answer;
      try {
        refuseProfilesLike(crashed, "refuse_crashling", "Crashling");
        answer = crashed.post("/api/v1/records/crm", "application/x-ndjson", record.json().encode(),
            crashed.token("ingest"));
      } finally {
        sql(crashed, "drop trigger if exists refuse_crashling on profile");
      }
      assertEquals(503, answer.status(), answer::toString);
      assertEquals(1L, count(crashed, "select count(*) from profile_dirty_batch"), "left as a crash leaves it");
      // more marks than one round of repair takes, as many batches in flight on several nodes would leave
      sql(crashed, "insert into profile_dirty_batch (token, profile_ids) select g, (select profile_ids from "
          + "profile_dirty_batch limit 1) from generate_series(1, 250) g");
    } finally {
      crashed.closeAsIfCrashed();
    }
    try (HubTestNode restarted = HubTestNode.builder().postgresUrl(pgUrl)
        .env("HUB_UPKEEP_RECOVER_AFTER_SECONDS", "3600").start()) {
      assertEquals(0L, count(restarted, "select count(*) from profile_dirty_batch"), "repaired as it started");
      assertEquals(List.of(key(record)), recordKeys(restarted.profileByKey(record)));
    }
  }

  private static void refuseProfilesLike(String trigger, String name) {
    refuseProfilesLike(hub, trigger, name);
  }

  private static void refuseProfilesLike(HubTestNode hub, String trigger, String name) {
    sql(hub, "create or replace function " + trigger + "() returns trigger language plpgsql as $$ "
        + "begin raise exception 'out of resources (test)' using errcode = '53200'; end $$");
    sql(hub, "create trigger " + trigger + " before insert on profile for each row when (new.body::text like '%"
        + name + "%') execute function " + trigger + "()");
  }

  private static void sql(String statement) {
    sql(hub, statement);
  }

  private static void sql(HubTestNode node, String statement) {
    await(node.node().database().pool().query(statement).execute());
  }

  private static long count(String query) {
    return count(hub, query);
  }

  private static long count(HubTestNode node, String query) {
    Row r = await(node.node().database().pool().query(query).execute()).iterator().next();
    return r.getLong(0);
  }
}
