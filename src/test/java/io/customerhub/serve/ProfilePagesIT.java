package io.customerhub.serve;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/profiles} without a risk code: every active customer, page after page, the snapshot a
 * warehouse starts from before it follows the change events.
 */
class ProfilePagesIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  @Test
  void everyActiveProfileComesOnceInIdOrderAndAMergedAwayOneNotAtAll() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) ids.add(hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId"));
    String keep = ids.get(0), gone = ids.get(1);
    Response merged = hub.post("/api/v1/profiles/" + keep + "/merge", JSON,
        new JsonObject().put("with", gone).encode(), hub.token("steward"));
    assertEquals(200, merged.status(), merged::toString);

    List<JsonObject> walked = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Response page = hub.get("/api/v1/profiles?limit=2" + (after == null ? "" : "&after=" + after),
          hub.token("reader"));
      assertEquals(200, page.status(), page::toString);
      for (Object o : page.json().getJsonArray("items")) walked.add((JsonObject) o);
      after = page.json().getString("next");
      pages++;
    } while (after != null && pages < 10_000);
    List<String> walkedIds = walked.stream().map(p -> p.getString("profileId")).toList();

    assertEquals(walkedIds.stream().sorted().toList(), walkedIds, "in id order");
    assertEquals(walkedIds.size(), new HashSet<>(walkedIds).size(), "no customer on two pages");
    assertTrue(walkedIds.containsAll(List.of(keep, ids.get(2), ids.get(3), ids.get(4))), walkedIds::toString);
    assertFalse(walkedIds.contains(gone), "a merged-away profile is no customer of its own");
    long active = hub.node().database().pool().query("select count(*) from profile where status = 'active'")
        .execute().toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
    assertEquals(active, walkedIds.size(), "every active profile, the merged one's survivor included");

    JsonObject survivor = walked.stream().filter(p -> p.getString("profileId").equals(keep)).findFirst().orElseThrow();
    assertEquals(hub.profile(keep), survivor, "each item is the profile as GET /profiles/{id} answers it");
    assertEquals(2, survivor.getJsonArray("records").size(), "with the records it took in");
  }

  @Test
  void theLastPageSaysThereIsNoNextOneAndCallersNeedAReadersRole() {
    hub.accept(WireRecords.distinctPerson("erp", "E"));
    Response page = hub.get("/api/v1/profiles?limit=1000", hub.token("steward"));
    assertEquals(200, page.status(), page::toString);
    if (page.json().getJsonArray("items").size() < 1000) assertNull(page.json().getString("next"));
    Response afterAll = hub.get("/api/v1/profiles?after=ffffffff-ffff-ffff-ffff-ffffffffffff", hub.token("reader"));
    assertEquals(0, afterAll.json().getJsonArray("items").size(), afterAll::toString);
    assertNull(afterAll.json().getString("next"));

    Response router = hub.get("/api/v1/profiles", hub.token("router"));
    assertEquals(403, router.status(), "routing callers never see raw PII");
    assertEquals("application/problem+json", router.contentType());
    assertEquals(401, hub.get("/api/v1/profiles", null).status());
  }

  @Test
  void aRiskCodeStillNarrowsTheList() {
    String id = hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId");
    Response all = hub.get("/api/v1/profiles?limit=1000", hub.token("reader"));
    assertTrue(all.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("profileId"))
        .anyMatch(id::equals), all::toString);
    Response tagged = hub.get("/api/v1/profiles?risk=LITIGATION&limit=1000", hub.token("reader"));
    assertFalse(tagged.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("profileId"))
        .anyMatch(id::equals), "a customer without the tag is not in its list");
  }
}
