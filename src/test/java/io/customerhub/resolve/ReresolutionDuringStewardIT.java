package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A steward merges profiles after a re-resolution read the records and before it moves them: the steward's merge
 * stands (the run does not move the merged record back), and every profile the run touched shows the records the
 * crosswalk puts in it.
 */
class ReresolutionDuringStewardIT {

  private static HubTestNode hub;

  @BeforeAll
  static void startNode() {
    hub = HubTestNode.builder().env("HUB_UPKEEP_LEARN_WHEN_QUIET_SECONDS", "0").start();
  }

  @AfterAll
  static void stopNode() {
    if (hub != null) hub.close();
  }

  /** Protects a steward merge made during a re-resolution, and the profiles its records left and joined. */
  @Test
  void aStewardMergeMadeDuringTheRunIsNotUndoneAndNoProfileIsLeftStale() throws Exception {
    List<JsonObject> records = WireRecords.customersWithSeveralRecords();
    assertEquals(200, hub.post("/api/v1/records/people", HubTestNode.NDJSON, WireRecords.ndjson(records),
        hub.adminToken()).status());
    WireRecords.Rec loner = WireRecords.distinctPerson("crm", "C");
    hub.accept(loner);
    Map<String, String> asLoaded = hub.crosswalkAsItIs();
    Set<Set<String>> customers = WireRecords.byCustomer(records);
    assertEquals(200, hub.post("/api/v1/admin/train", "application/json", "{}", hub.adminToken()).status());

    Reresolver reresolver = hub.node().services().reresolver();
    Reresolver.Pass pass = await(reresolver.read());

    // a customer split over several profiles: its smallest profile is the one the run will empty
    Set<String> split = customers.stream().filter(c -> c.stream().map(asLoaded::get).distinct().count() > 1)
        .findFirst().orElseThrow();
    Map<String, Long> sizes = split.stream().collect(Collectors.groupingBy(asLoaded::get, Collectors.counting()));
    String small = sizes.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    String moving = split.stream().filter(k -> asLoaded.get(k).equals(small)).findFirst().orElseThrow();
    // another customer's profile: the steward says the small profile's customer is this one
    String anchor = HubTestNode.key(loner);
    String keep = asLoaded.get(anchor);
    HubTestNode.Response merged = hub.post("/api/v1/profiles/" + keep + "/merge", "application/json",
        new JsonObject().put("with", small).encode(), hub.token("steward"));
    assertEquals(200, merged.status(), merged::toString);
    Map<String, String> beforeRun = hub.crosswalkAsItIs();
    assertEquals(keep, beforeRun.get(moving));

    int moved = await(reresolver.run(pass, progress -> { },
        changes -> hub.node().services().readModel().afterCommit(changes, List.of())));

    Map<String, String> after = hub.crosswalkAsItIs();
    // the run reports the records it moved, not the ones it planned to (the steward's stayed put)
    assertEquals(beforeRun.keySet().stream().filter(k -> !beforeRun.get(k).equals(after.get(k))).count(), moved);
    // every profile the crosswalk names holds its records, and no active profile shows a record it does not hold
    for (String profileId : Set.copyOf(after.values())) {
      JsonObject profile = hub.profile(profileId);
      for (String rec : HubTestNode.recordKeys(profile)) {
        assertEquals(profileId, after.get(rec), () -> profileId + " shows " + rec + " which the crosswalk puts in "
            + after.get(rec));
      }
    }
    HubTestNode.Response keptView = hub.profileResponse(keep);
    if (keptView.status() == 200) {
      for (String rec : HubTestNode.recordKeys(keptView.json())) {
        assertEquals(keep, after.get(rec), () -> keep + " shows " + rec + " which the crosswalk puts in " + after.get(rec));
      }
    }
    assertEquals(after.get(anchor), after.get(moving), "the steward's merge was undone by the run");
  }
}
