package io.customerhub.profile;


import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.customerhub.testing.HubTestNode.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;


import org.junit.jupiter.api.Test;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.daysAgo;
import static io.customerhub.testing.WireRecords.distinctPerson;
import static io.customerhub.testing.WireRecords.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order aggregates come from the latest state of each order: a status change replaces the order's contribution,
 * a redelivery of the same version and a late older version change nothing, not even the profile version.
 */
class OrderHistoryIT extends OneHubPerClass {

  private record Customer(Rec record, String profileId) {
  }

  private static Customer customer() {
    Rec record = distinctPerson("crm", "C");
    return new Customer(record, hub.accept(record).getString("profileId"));
  }

  /** A version of an order: placed {@code daysAgo} days ago, {@code status} as of minute {@code version}. */
  private static Rec order(Customer c, String orderId, int daysAgo, String amount, String status, int version) {
    return WireRecords.order(orderId, c.record().source(), c.record().sourceId())
        .ordered(daysAgo(daysAgo), amount, status).updatedAt(at(version));
  }

  private static JsonObject orders(Customer c) {
    return hub.profile(c.profileId()).getJsonObject("orders");
  }

  private static void assertFigures(JsonObject orders, int count, int kept, double spend, int returns,
                                    double returnRate, int cancellations) {
    String all = orders.encode();
    assertEquals(count, orders.getInteger("orderCount"), "orderCount: " + all);
    assertEquals(kept, orders.getInteger("keptOrders"), "keptOrders: " + all);
    assertEquals(spend, orders.getDouble("spend"), 0.001, "spend: " + all);
    assertEquals(returns, orders.getInteger("returns"), "returns: " + all);
    assertEquals(returnRate, orders.getDouble("returnRate"), 0.0001, "returnRate: " + all);
    assertEquals(cancellations, orders.getInteger("cancellations"), "cancellations: " + all);
  }

  @Test
  void aDeliveredOrderThatIsReturnedMovesFromSpendToReturnsWithoutDoubleCounting() {
    Customer c = customer();
    String laptop = uniqueId("O");
    hub.acceptAll(order(c, laptop, 20, "300.00", "delivered", 1), order(c, uniqueId("O"), 10, "200.00", "delivered", 1));
    assertFigures(orders(c), 2, 2, 500.00, 0, 0.0, 0);

    JsonObject answer = hub.accept(order(c, laptop, 20, "300.00", "returned", 2));

    assertEquals("updated", answer.getString("outcome"), "a newer state of a known order: " + answer);
    assertEquals(c.profileId(), answer.getString("profileId"));
    JsonObject orders = orders(c);
    assertFigures(orders, 2, 1, 200.00, 1, 0.5, 0);
    assertEquals(200.00, orders.getDouble("averageOrderValue"), 0.001, orders::encode);
    assertEquals(200.00, orders.getDouble("value12m"), 0.001, orders::encode);
  }

  /**
   * An order without a status or an amount (every field but the key may be missing) crashed the recompute of its
   * customer's profile: a 500, and the profile stuck for every later record of the customer.
   */
  @Test
  void anOrderWithoutAStatusOrAnAmountIsCountedAndTheProfileKeepsTakingRecords() {
    Customer c = customer();
    hub.acceptAll(order(c, uniqueId("O"), 10, "100.00", "delivered", 1),
        order(c, uniqueId("O"), 5, "100.00", "delivered", 1).remove("status"),
        order(c, uniqueId("O"), 3, "100.00", "paid", 1).remove("amount"));
    JsonObject orders = orders(c);
    assertFigures(orders, 3, 3, 200.00, 0, 0.0, 0);
    assertEquals(100.00, orders.getDouble("averageOrderValue"), 0.001, orders::encode);
    assertEquals(1, orders.getInteger("unpricedOrders"), orders::encode);
    assertEquals("updated", hub.accept(c.record().copy().updatedAt(at(5)).phones(WireRecords.uniqueMobile()))
        .getString("outcome"));
  }

  /**
   * A CRM deleting a duplicate contact took the customer's orders with it: the profile, alive through its ERP
   * record, showed no orders, no tier, and routed as a nobody. The deleted record's key stays with the profile for its
   * orders, until a record of the key comes back.
   */
  @Test
  void ordersOfARecordItsSourceDeletedStayWithTheProfileItLeft() {
    Customer c = customer();
    Rec erp = c.record().copyIn("erp", "K").link(c.record().source(), c.record().sourceId()).updatedAt(at(1));
    assertEquals(c.profileId(), hub.accept(erp).getString("profileId"));
    Rec first = order(c, uniqueId("O"), 20, "300.00", "delivered", 1);
    hub.accept(first);

    hub.accept(c.record().copy().deleted().updatedAt(at(5)));
    JsonObject profile = hub.profileByKey(erp);
    assertEquals(c.profileId(), profile.getString("profileId"));
    assertFigures(profile.getJsonObject("orders"), 1, 1, 300.00, 0, 0.0, 0);
    Response page = hub.get("/api/v1/profiles/" + c.profileId() + "/orders", hub.adminToken());
    assertEquals(1, page.json().getJsonArray("orders").size(), page::toString);

    hub.accept(order(c, uniqueId("O"), 10, "100.00", "delivered", 1)); // an order for the deleted record, late
    assertFigures(hub.profileByKey(erp).getJsonObject("orders"), 2, 2, 400.00, 0, 0.0, 0);

    JsonObject back = hub.accept(c.record().copy().updatedAt(at(9)));
    assertEquals(c.profileId(), back.getString("profileId"));
    assertFigures(hub.profileByKey(erp).getJsonObject("orders"), 2, 2, 400.00, 0, 0.0, 0);
  }

  @Test
  void theSameOrderVersionAgainChangesNothing() {
    Customer c = customer();
    Rec delivered = order(c, uniqueId("O"), 5, "129.90", "delivered", 1);
    hub.accept(delivered);
    JsonObject before = hub.profile(c.profileId());

    JsonObject answer = hub.accept(delivered.copy());

    assertEquals("unchanged", answer.getString("outcome"), answer::encode);
    assertEquals(c.profileId(), answer.getString("profileId"));
    JsonObject after = hub.profile(c.profileId());
    assertEquals(before.getLong("version"), after.getLong("version"), "no new profile version");
    assertEquals(before, after, "nothing at all changed");
    assertFigures(after.getJsonObject("orders"), 1, 1, 129.90, 0, 0.0, 0);
  }

  @Test
  void anOlderStateArrivingLateIsIgnored() {
    Customer c = customer();
    String orderId = uniqueId("O");
    hub.accept(order(c, orderId, 8, "80.00", "returned", 5));
    JsonObject before = hub.profile(c.profileId());

    JsonObject answer = hub.accept(order(c, orderId, 8, "80.00", "delivered", 3));

    assertEquals("stale", answer.getString("outcome"), answer::encode);
    JsonObject after = hub.profile(c.profileId());
    assertEquals(before.getLong("version"), after.getLong("version"), "no new profile version");
    assertFigures(after.getJsonObject("orders"), 1, 0, 0.0, 1, 1.0, 0);
  }

  @Test
  void aCancelledOrderCountsAsCancellationAndLeavesSpendAndReturnRate() {
    Customer c = customer();
    String cancelled = uniqueId("O");
    hub.acceptAll(order(c, cancelled, 3, "999.00", "placed", 1), order(c, uniqueId("O"), 4, "50.00", "delivered", 1),
        order(c, uniqueId("O"), 6, "70.00", "returned", 1));
    assertFigures(orders(c), 3, 2, 1049.00, 1, 0.3333, 0);

    hub.accept(order(c, cancelled, 3, "999.00", "cancelled", 2));

    assertFigures(orders(c), 3, 1, 50.00, 1, 0.5, 1);
  }

  @Test
  void spendCountsEveryKeptOrderButTheTwelveMonthValueOnlyRecentOnes() {
    Customer c = customer();
    Rec lastYear = order(c, uniqueId("O"), 400, "1000.00", "delivered", 1);
    hub.acceptAll(lastYear, order(c, uniqueId("O"), 30, "250.00", "shipped", 1));

    JsonObject orders = orders(c);

    assertFigures(orders, 2, 2, 1250.00, 0, 0.0, 0);
    assertEquals(250.00, orders.getDouble("value12m"), 0.001, orders::encode);
    assertEquals(lastYear.json().getString("orderedAt"), orders.getString("firstOrderAt"), orders::encode);
  }

  /** {@code GET /profiles/{id}/orders}: the orders themselves, newest first, each as it is now. */
  @Test
  void theCustomersOrdersAreListedNewestFirstAsTheyAreNow() {
    Customer c = customer();
    String old = uniqueId("O");
    String recent = uniqueId("O");
    hub.acceptAll(order(c, old, 40, "80.00", "delivered", 1), order(c, recent, 3, "19.90", "placed", 1));
    hub.accept(order(c, recent, 3, "19.90", "shipped", 2));

    Response r = hub.get("/api/v1/profiles/" + c.profileId() + "/orders", hub.token("reader"));
    assertEquals(200, r.status(), r::toString);
    JsonArray orders = r.json().getJsonArray("orders");
    assertEquals(2, orders.size(), r::toString);
    JsonObject first = orders.getJsonObject(0);
    assertEquals(recent, first.getString("sourceId"), "newest first: " + r);
    assertEquals("shipped", first.getString("status"), "as it is now");
    assertEquals(19.90, first.getDouble("amount"), 0.001);
    assertEquals(c.record().sourceId(), first.getJsonObject("customer").getString("sourceId"));
    assertEquals(old, orders.getJsonObject(1).getString("sourceId"));
    assertFalse(r.json().getBoolean("truncated"));

    Response one = hub.get("/api/v1/profiles/" + c.profileId() + "/orders?limit=1", hub.token("reader"));
    assertEquals(1, one.json().getJsonArray("orders").size());
    assertTrue(one.json().getBoolean("truncated"), one::toString);
    assertEquals(403, hub.get("/api/v1/profiles/" + c.profileId() + "/orders", hub.token("router")).status(),
        "routing callers see no orders");
    assertEquals(404, hub.get("/api/v1/profiles/" + java.util.UUID.randomUUID() + "/orders", hub.token("reader"))
        .status());
  }
}
