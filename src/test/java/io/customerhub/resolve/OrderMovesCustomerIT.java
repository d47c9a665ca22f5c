package io.customerhub.resolve;

import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Protects a customer's order figures from orders that a newer version assigns to another customer. */
class OrderMovesCustomerIT extends OneHubPerClass {

  @Test
  void anOrderReassignedToAnotherCustomerNoLongerCountsForTheFirst() {
    Rec c1 = person("crm", uniqueId("C")).name("Alma", "Firstcustomer").emails(uniqueEmail("first")).updatedAt(at(0));
    Rec c2 = person("crm", uniqueId("C")).name("Bruno", "Secondcustomer").emails(uniqueEmail("second")).updatedAt(at(0));
    String p1 = hub.accept(c1).getString("profileId");
    String p2 = hub.accept(c2).getString("profileId");
    assertNotEquals(p1, p2);
    Rec order = WireRecords.order(uniqueId("O"), "crm", c1.sourceId()).ordered(at(60), "99.00", "delivered")
        .updatedAt(at(60));
    assertEquals(p1, hub.accept(order).getString("profileId"));
    assertEquals(1, orderCount(p1));

    Rec moved = order.copy().set("customerRef", customer(c2)).updatedAt(at(61));
    JsonObject answer = hub.accept(moved);
    assertEquals("updated", answer.getString("outcome"));
    assertEquals(p2, answer.getString("profileId"));

    assertEquals(1, orderCount(p2), "counted for the new customer");
    assertEquals(0, orderCount(p1), () -> "still counted for the old customer: " + hub.profile(p1).encode());
  }

  private static JsonObject customer(Rec record) {
    return new JsonObject().put("source", record.source()).put("sourceId", record.sourceId());
  }

  private static int orderCount(String profileId) {
    JsonObject orders = hub.profile(profileId).getJsonObject("orders");
    return orders == null ? 0 : orders.getInteger("orderCount", 0);
  }
}
