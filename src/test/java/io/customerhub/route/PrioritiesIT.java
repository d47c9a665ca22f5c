package io.customerhub.route;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.daysAgo;
import static io.customerhub.testing.WireRecords.distinctPerson;
import static io.customerhub.testing.WireRecords.organization;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/priorities}: work items ranked by the customer's routing priority (tier, risks, lane) plus
 * their waiting time against the service level of tier and type (conf/routing.json), each with its reasons.
 */
class PrioritiesIT {

  /** The test's clock and the hub's differ by the time a request takes; scores move by at most this much. */
  private static final double CLOCK_SLACK = 0.1;

  private static HubTestNode hub;
  private static Rec platinum;
  private static Rec gold;
  private static Rec prospect;
  private static Rec held;

  @BeforeAll
  static void startNodeAndCustomers() {
    // Tiers by the configured floors only: a cut-off refresh from this class's few buyers mid-run would move them.
    hub = HubTestNode.builder().env("HUB_UPKEEP_TIER_REFRESH_SECONDS", "0").start();
    platinum = buyer(6000);
    gold = buyer(2000);
    prospect = distinctPerson("crm", "C");
    hub.accept(prospect);
    held = organization("erp", uniqueId("K")).set("orgName", uniqueName() + " Co., Ltd.").emails(uniqueEmail("ap"))
        .attribute("overdueDays", 60).attribute("overdueAmount", 900).updatedAt(at(0));
    hub.accept(held);
  }

  @AfterAll
  static void stopNode() {
    if (hub != null) hub.close();
  }

  /** A customer whose one delivered order, placed 100 days ago (not new, not dormant), sets the tier. */
  private static Rec buyer(int amount) {
    Rec customer = distinctPerson("crm", "C");
    hub.accept(customer);
    hub.accept(WireRecords.order(uniqueId("O"), customer.source(), customer.sourceId())
        .ordered(daysAgo(100), amount + ".00", "delivered").updatedAt(at(0)));
    return customer;
  }

  private static JsonObject item(String id, Rec customer, String type, Duration waited, Instant now) {
    return new JsonObject().put("id", id).put("type", type).put("createdAt", now.minus(waited).toString())
        .put("customer", new JsonObject().put("source", customer.source()).put("sourceId", customer.sourceId()));
  }

  private static Response prioritize(String token, JsonObject... items) {
    return hub.post("/api/v1/priorities", "application/json",
        new JsonObject().put("items", new JsonArray(List.of((Object[]) items))).encode(), token);
  }

  private static List<JsonObject> ranked(JsonObject... items) {
    Response r = prioritize(hub.token("router"), items);
    assertEquals(200, r.status(), r::toString);
    JsonArray ranked = r.json().getJsonArray("items");
    assertEquals(items.length, ranked.size(), r::toString);
    return ranked.stream().map(JsonObject.class::cast).toList();
  }

  private static void assertItem(JsonObject item, String id, int rank, double score, Set<String> reasons) {
    String all = item.encode();
    assertEquals(id, item.getString("id"), all);
    assertEquals(rank, item.getInteger("rank"), all);
    assertEquals(score, item.getDouble("score"), CLOCK_SLACK, all);
    assertEquals(reasons, Set.copyOf(item.getJsonArray("reasons").getList()), all);
  }

  @Test
  void itemsAreRankedByCustomerValueRiskAndWaitingAgainstTheServiceLevel() {
    Instant now = Instant.now();
    Rec unknown = distinctPerson("crm", "nobody");

    List<JsonObject> ranked = ranked(
        item("held", held, "default", Duration.ofHours(1), now),
        item("prospect-fresh", prospect, "default", Duration.ofMinutes(1), now),
        item("gold-fresh", gold, "default", Duration.ofMinutes(10), now),
        item("unknown-near-sla", unknown, "default", Duration.ofHours(60), now),
        item("prospect-complaint-overdue", prospect, "complaint", Duration.ofHours(26), now),
        item("platinum-fresh", platinum, "default", Duration.ofHours(1), now));

    // platinum: 30 base + 10 lane + 50 tier, 1 h of 4 h waited = 20 × 0.25 / 0.8 waiting points
    assertItem(ranked.get(0), "platinum-fresh", 1, 90 + 6.25, Set.of("TIER_PLATINUM"));
    // a prospect's complaint 2 h past its 24 h: 30 + 60 breach points + 1 per overdue hour outranks a fresh gold item
    assertItem(ranked.get(1), "prospect-complaint-overdue", 2, 30 + 60 + 2, Set.of("DEFAULT_LANE", "SLA_BREACHED"));
    assertItem(ranked.get(2), "gold-fresh", 3, 75 + 20 * (10 / 480.0) / 0.8, Set.of("TIER_GOLD"));
    // unknown customers: priority 20 and 72 h, of which 60 h is past 80 %
    assertItem(ranked.get(3), "unknown-near-sla", 4, 20 + 30, Set.of("UNKNOWN_CUSTOMER", "SLA_NEAR"));
    assertItem(ranked.get(4), "prospect-fresh", 5, 30 + 20 * (1 / 2880.0) / 0.8, Set.of("DEFAULT_LANE"));
    // on hold: 30 − 20, and 1 h of the default 48 h
    assertItem(ranked.get(5), "held", 6, 10 + 20 * (1 / 48.0) / 0.8, Set.of("RISK_CREDIT_OVERDUE"));
  }

  @Test
  void equalScoresPutTheOlderItemFirst() {
    Instant now = Instant.now();

    // both far past the 48 h: breach points plus the capped 40 overdue points, the same score
    List<JsonObject> ranked = ranked(item("newer", prospect, "default", Duration.ofHours(200), now),
        item("older", prospect, "default", Duration.ofHours(300), now));

    assertItem(ranked.get(0), "older", 1, 30 + 60 + 40, Set.of("DEFAULT_LANE", "SLA_BREACHED"));
    assertItem(ranked.get(1), "newer", 2, 30 + 60 + 40, Set.of("DEFAULT_LANE", "SLA_BREACHED"));
  }

  @Test
  void aCustomerWhoseGoldenRecordIsNotYetWrittenIsRankedAsUnknownNotA500() {
    // the state between a batch's two transactions: the record linked to its profile, the golden record not written
    Rec fresh = distinctPerson("crm", "C");
    String profile = hub.accept(fresh).getString("profileId");
    String body = sql("select body::text from profile where profile_id = $1::uuid", profile);
    sql("update profile set body = null where profile_id = $1::uuid", profile);
    try {
      List<JsonObject> ranked = ranked(item("fresh", fresh, "default", Duration.ofHours(60), Instant.now()));
      assertItem(ranked.get(0), "fresh", 1, 20 + 30, Set.of("UNKNOWN_CUSTOMER", "SLA_NEAR"));
    } finally {
      hub.node().database().pool().preparedQuery("update profile set body = $2::text::json where profile_id = $1::uuid")
          .execute(io.vertx.sqlclient.Tuple.of(profile, body)).toCompletionStage().toCompletableFuture().join();
    }
  }

  private static String sql(String statement, String profileId) {
    var rows = hub.node().database().pool().preparedQuery(statement).execute(io.vertx.sqlclient.Tuple.of(profileId))
        .toCompletionStage().toCompletableFuture().join();
    return rows.iterator().hasNext() && rows.columnsNames() != null && !rows.columnsNames().isEmpty()
        ? rows.iterator().next().getString(0) : null;
  }

  @Test
  void anItemWithoutCreationTimeIsRefusedNamingTheField() {
    JsonObject incomplete = item("x", prospect, "default", Duration.ZERO, Instant.now()).put("createdAt", "soon");

    JsonObject problem = assertProblem(400, prioritize(hub.token("router"), incomplete));

    assertTrue(problem.getString("detail").contains("items[0].createdAt"), problem::encode);
  }

  /** Two items under one id would come back as two ranks for one id: the caller could not tell which is which. */
  @Test
  void anIdGivenTwiceIsRefusedNamingBothItems() {
    Instant now = Instant.now();

    JsonObject problem = assertProblem(400, prioritize(hub.token("router"),
        item("a", prospect, "default", Duration.ZERO, now), item("b", gold, "default", Duration.ZERO, now),
        item("a", gold, "complaint", Duration.ZERO, now)));

    assertTrue(problem.getString("detail").contains("items[2].id: 'a' is also the id of items[0]"), problem::encode);
  }

  @Test
  void onlyRoutersMayPrioritize() {
    JsonObject item = item("x", prospect, "default", Duration.ZERO, Instant.now());

    assertProblem(403, prioritize(hub.token("reader"), item));
    assertProblem(403, prioritize(hub.token("ingest"), item));
    assertEquals(200, prioritize(hub.token("router"), item).status());
  }
}
