package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A re-resolution works on the records as it read them, and a young hub trains on that same read before it
 * re-resolves, so ingest may link records in between: a profile the run empties of the records it read, but that
 * took a record from ingest since, must stay a profile and not redirect away from that record; a record deleted
 * since stays deleted.
 */
class ReresolutionDuringIngestIT {

  private static HubTestNode hub;

  @BeforeAll
  static void startNode() {
    // the test runs the re-resolution itself, step by step: the hub's own learning when ingest goes quiet is off
    hub = HubTestNode.builder().env("HUB_UPKEEP_LEARN_WHEN_QUIET_SECONDS", "0").start();
  }

  @AfterAll
  static void stopNode() {
    if (hub != null) hub.close();
  }

  @Test
  void whatIngestDidAfterTheReadStands() throws Exception {
    List<JsonObject> records = WireRecords.customersWithSeveralRecords();
    assertEquals(200, hub.post("/api/v1/records/people", HubTestNode.NDJSON, WireRecords.ndjson(records),
        hub.adminToken()).status());
    Map<String, String> asLoaded = hub.crosswalkAsItIs();
    Set<Set<String>> customers = WireRecords.byCustomer(records);
    assertTrue(HubTestNode.partition(asLoaded).size() > customers.size(), "the default model keeps some apart");
    assertEquals(200, hub.post("/api/v1/admin/train", "application/json", "{}", hub.adminToken()).status());

    Reresolver reresolver = hub.node().services().reresolver();
    Reresolver.Pass pass = await(reresolver.read());

    // after the read: one record from another system per profile as loaded, linked to one of its records
    Map<String, String> lateProfileOf = new HashMap<>();
    List<WireRecords.Rec> late = new ArrayList<>();
    for (String profile : Set.copyOf(asLoaded.values())) {
      String member = asLoaded.entrySet().stream().filter(e -> e.getValue().equals(profile)).findFirst()
          .orElseThrow().getKey();
      WireRecords.Rec rec = WireRecords.person("late", "L-" + late.size()).name("Late", "Comer" + late.size())
          .link("people", member.substring("people:".length()));
      late.add(rec);
      lateProfileOf.put(HubTestNode.key(rec), profile);
    }
    hub.ingest("late", late);
    // and a customer whose records were in several profiles (so some of them move) is deleted
    Set<String> deleted = customers.stream()
        .filter(c -> c.stream().map(asLoaded::get).distinct().count() > 1).findFirst().orElseThrow();
    hub.ingest("people", deleted.stream().map(k -> WireRecords.person("people", k.substring("people:".length()))
        .deleted()).toList());
    Map<String, String> beforeRun = hub.crosswalkAsItIs();
    lateProfileOf.forEach((record, profile) -> assertEquals(profile, beforeRun.get(record), record));
    deleted.forEach(record -> assertFalse(beforeRun.containsKey(record), record));

    int moved = await(reresolver.run(pass, progress -> { },
        changes -> hub.node().services().readModel().afterCommit(changes, List.of())));

    assertTrue(moved > 0, "the learned model moves records");
    Map<String, String> after = hub.crosswalkAsItIs();
    deleted.forEach(record -> assertFalse(after.containsKey(record), () -> record + " came back"));
    for (Set<String> customer : customers) {
      if (customer == deleted) continue;
      assertEquals(1, customer.stream().map(after::get).distinct().count(), () -> "one profile for " + customer);
    }
    // every record, the late ones too, is in the profile the crosswalk names, and that profile answers for it
    for (Map.Entry<String, String> e : after.entrySet()) {
      JsonObject profile = hub.profile(e.getValue());
      assertEquals(e.getValue(), profile.getString("profileId"), () -> e.getKey() + " points to a redirect");
      assertTrue(HubTestNode.recordKeys(profile).contains(e.getKey()), () -> e.getKey() + " not in " + profile);
    }
  }
}
