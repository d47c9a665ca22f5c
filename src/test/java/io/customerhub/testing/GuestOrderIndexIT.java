package io.customerhub.testing;

import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Protects the candidate index, the crosswalk and the profiles from a guest order (an identity record: names and
 * email, no customerRef) whose newer version names its customer and so stops being an identity record: it must
 * leave its profile, the index of every node (not only of one that reloads it) and the cache, as a deleted
 * record does, and count for the customer it names. In this package for {@link IndexConsistency}.
 */
class GuestOrderIndexIT extends OneHubPerClass {

  @Test
  void aGuestOrderThatLaterNamesItsCustomerLeavesTheCandidateIndex() throws Exception {
    Rec customer = person("crm", uniqueId("C")).name("Regina", "Registered").emails(uniqueEmail("reg"))
        .updatedAt(at(0));
    hub.accept(customer);
    Rec guest = guestOrder("Gustav", "Guestman", uniqueEmail("guest"));
    assertEquals("created", hub.accept(guest).getString("outcome"));
    Rec named = guest.copy().set("customerRef", ref(customer)).updatedAt(at(2));
    assertEquals("updated", hub.accept(named).getString("outcome"));

    assertEquals(List.of(), IndexConsistency.violations(hub.node().database().pool(),
        hub.node().services().candidateIndex()));
  }

  /** The guest order joined a registered customer's profile; once it names another customer it leaves that one. */
  @Test
  void aGuestOrderThatNamesAnotherCustomerLeavesTheProfileItJoined() throws Exception {
    String email = uniqueEmail("joined");
    Rec joined = person("crm", uniqueId("C")).name("Jonas", "Joinedcustomer").emails(email).updatedAt(at(0));
    Rec other = person("crm", uniqueId("C")).name("Olga", "Othercustomer").emails(uniqueEmail("other"))
        .updatedAt(at(0));
    String p1 = hub.accept(joined).getString("profileId");
    String p2 = hub.accept(other).getString("profileId");
    Rec guest = guestOrder("Jonas", "Joinedcustomer", email);
    assertEquals(p1, hub.accept(guest).getString("profileId"), "the guest order joins the registered customer");
    assertEquals(1, orderCount(p1));
    assertEquals(200, hub.profileByKeyResponse(guest.source(), guest.sourceId()).status(), "its key is cached");

    JsonObject answer = hub.accept(guest.copy().set("customerRef", ref(other)).updatedAt(at(2)));
    assertEquals("updated", answer.getString("outcome"));
    assertEquals(p2, answer.getString("profileId"));

    JsonObject first = hub.profile(p1);
    assertFalse(HubTestNode.recordKeys(first).contains(HubTestNode.key(guest)), first::encode);
    assertEquals(0, orderCount(p1), first::encode);
    assertEquals(1, orderCount(p2));
    // its key is no record of a profile now: by it, the hub answers the customer the order names, not p1's entry
    assertEquals(p2, hub.profileByKey(guest.source(), guest.sourceId()).getString("profileId"));
    assertEquals(List.of(), IndexConsistency.violations(hub.node().database().pool(),
        hub.node().services().candidateIndex()));
  }

  private static Rec guestOrder(String given, String family, String email) {
    return WireRecords.order(uniqueId("O"), "crm", "unused").remove("customerRef").name(given, family)
        .emails(email).ordered(at(1), "10.00", "delivered").updatedAt(at(1));
  }

  private static JsonObject ref(Rec record) {
    return new JsonObject().put("source", record.source()).put("sourceId", record.sourceId());
  }

  private static int orderCount(String profileId) {
    JsonObject orders = hub.profile(profileId).getJsonObject("orders");
    return orders == null ? 0 : orders.getInteger("orderCount", 0);
  }
}
