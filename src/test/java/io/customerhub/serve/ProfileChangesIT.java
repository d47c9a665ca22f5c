package io.customerhub.serve;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/profiles?changedSince=TOKEN}: the profiles written since an earlier export, so that a
 * warehouse keeps its copy of the golden records up to date without reading every customer again.
 */
class ProfileChangesIT extends OneHubPerClass {

  private static final String JSON = "application/json";

  /** Every item of an export, page after page of {@code limit}, and the first page's delta token. */
  private record Export(List<JsonObject> items, String deltaToken, int pages) {
    Map<String, JsonObject> byId() {
      Map<String, JsonObject> out = new HashMap<>();
      for (JsonObject item : items) out.put(item.getString("profileId"), item);
      return out;
    }
  }

  private Export export(String since, int limit) {
    List<JsonObject> items = new ArrayList<>();
    String after = null, token = null;
    int pages = 0;
    do {
      StringBuilder path = new StringBuilder("/api/v1/profiles?limit=" + limit);
      if (since != null) path.append("&changedSince=").append(since);
      if (after != null) path.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
      Response page = hub.get(path.toString(), hub.token("reader"));
      assertEquals(200, page.status(), page::toString);
      if (pages == 0) token = page.json().getString("deltaToken");
      else assertNull(page.json().getString("deltaToken"), "only the first page gives the next export's token");
      for (Object o : page.json().getJsonArray("items")) items.add((JsonObject) o);
      after = page.json().getString("next");
      pages++;
    } while (after != null && pages < 10_000);
    return new Export(items, token, pages);
  }

  @Test
  void theNextExportHasWhatWasWrittenSinceTheFirstAndNothingElse() {
    Rec stays = WireRecords.distinctPerson("crm", "C"), grows = WireRecords.distinctPerson("crm", "C");
    String staysId = hub.accept(stays).getString("profileId"), growsId = hub.accept(grows).getString("profileId");
    String keep = hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId");
    String gone = hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId");
    Export whole = export(null, 1000);
    assertNotNull(whole.deltaToken(), "a whole export gives the token of the next");
    assertTrue(whole.byId().keySet().containsAll(List.of(staysId, growsId, keep, gone)));

    assertEquals(List.of(), export(whole.deltaToken(), 1000).items(), "nothing written since: nothing");

    String added = hub.accept(WireRecords.distinctPerson("erp", "E")).getString("profileId");
    assertEquals(growsId, hub.accept(grows.copyIn("erp", "E")).getString("profileId"));
    Response merged = hub.post("/api/v1/profiles/" + keep + "/merge", JSON,
        new JsonObject().put("with", gone).encode(), hub.token("steward"));
    assertEquals(200, merged.status(), merged::toString);

    Export delta = export(whole.deltaToken(), 1000);
    Map<String, JsonObject> changed = delta.byId();
    assertEquals(delta.items().size(), changed.size(), "each profile once: " + delta.items());
    assertEquals(java.util.Set.of(added, growsId, keep, gone), changed.keySet(), "not the customer nobody touched");
    assertEquals(hub.profile(added), changed.get(added), "an active one as GET /profiles/{id} answers it");
    assertEquals(hub.profile(growsId), changed.get(growsId));
    assertEquals(2, changed.get(growsId).getJsonArray("records").size(), "with the record it took in");
    assertEquals(hub.profile(keep), changed.get(keep));
    JsonObject tombstone = changed.get(gone);
    assertEquals("merged", tombstone.getString("status"));
    assertEquals(keep, tombstone.getString("mergedInto"));
    assertEquals(4, tombstone.size(), "profileId, version, status, mergedInto: " + tombstone);
    assertFalse(changed.containsKey(staysId));

    Export paged = export(whole.deltaToken(), 1);
    assertEquals(changed, paged.byId(), "page after page of one, the same changes");
    assertTrue(paged.pages() >= 4, "four pages at least: " + paged.pages());

    assertNotNull(delta.deltaToken());
    assertEquals(List.of(), export(delta.deltaToken(), 1000).items(), "and from the delta's own token: nothing");
  }

  @Test
  void aProfileWrittenWhileAnExportIsReadComesInTheNextOne() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) ids.add(hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId"));
    Response first = hub.get("/api/v1/profiles?limit=1", hub.token("reader"));
    String token = first.json().getString("deltaToken");
    // the export goes on; meanwhile a customer it may already have passed takes a new record
    Rec more = WireRecords.distinctPerson("crm", "C");
    String moreId = hub.accept(more).getString("profileId");
    hub.accept(more.copyIn("erp", "E"));
    export(null, 1000);

    Map<String, JsonObject> next = export(token, 1000).byId();
    assertEquals(hub.profile(moreId), next.get(moreId),
        "written after the export began: in the next one, as it is now");
    assertFalse(next.keySet().stream().anyMatch(ids::contains), "the untouched ones not: " + next.keySet());
  }

  @Test
  void pagesFollowTransactionsInNumberOrderAcrossADigitMoreNotAsText() {
    // three profiles written by transactions B-2, B-1 and B, where B is a power of ten: as text "1000" < "998"
    String token = export(null, 1000).deltaToken();
    long oldestRunning = Long.parseLong(token.substring(token.lastIndexOf('.') + 1));
    long b = 1;
    while (b * 10 <= oldestRunning) b *= 10;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) ids.add(hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId"));
    sql("alter table profile disable trigger profile_changed_by", Tuple.tuple());
    try {
      for (int i = 0; i < 3; i++) {
        sql("update profile set changed_by = $1::text::xid8 where profile_id = $2",
            Tuple.of(String.valueOf(b - 2 + i), UUID.fromString(ids.get(i))));
      }
    } finally {
      sql("alter table profile enable trigger profile_changed_by", Tuple.tuple());
    }
    String since = token.substring(0, token.lastIndexOf('.') + 1) + (b - 2);

    List<String> walked = export(since, 1).items().stream().map(p -> p.getString("profileId")).toList();

    assertTrue(walked.containsAll(ids), "none skipped, page after page of one: " + walked);
    assertEquals(ids, walked.stream().filter(ids::contains).toList(), "in the order they were written");
  }

  @Test
  void aCopyKeptByDeltasWhileWritersWorkEndsEqualToAWholeExport() throws Exception {
    Map<String, JsonObject> copy = new HashMap<>();
    Export whole = export(null, 50);
    whole.items().forEach(p -> copy.put(p.getString("profileId"), p));
    String token = whole.deltaToken();
    // writers: new customers, second records of earlier ones, and a steward's merges, while the copy follows
    List<Rec> earlier = new ArrayList<>();
    for (int i = 0; i < 40; i++) earlier.add(WireRecords.distinctPerson("crm", "C"));
    hub.ingest("crm", earlier);
    CompletableFuture<Void> writers = CompletableFuture.runAsync(() -> {
      for (int round = 0; round < 20; round++) {
        List<Rec> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) batch.add(WireRecords.distinctPerson("crm", "C"));
        batch.add(earlier.get(round * 2).copyIn("crm", "C"));
        hub.ingest("crm", batch);
        String keep = hub.profileByKey(earlier.get(round * 2 + 1)).getString("profileId");
        String gone = hub.accept(WireRecords.distinctPerson("erp", "E")).getString("profileId");
        hub.post("/api/v1/profiles/" + keep + "/merge", JSON, new JsonObject().put("with", gone).encode(),
            hub.token("steward"));
      }
    });
    int deltas = 0;
    while (!writers.isDone() || deltas == 0) {
      token = apply(export(token, 7), copy);
      deltas++;
    }
    writers.get();
    token = apply(export(token, 7), copy);

    Map<String, JsonObject> truth = export(null, 1000).byId();
    assertEquals(truth.keySet(), copy.keySet(), "the same customers, after " + deltas + " deltas");
    assertEquals(truth, copy, "each as it is now");
  }

  /** Applies a delta to a copy as a consumer would: upsert by id keeping the higher version, tombstones removed. */
  private static String apply(Export delta, Map<String, JsonObject> copy) {
    for (JsonObject item : delta.items()) {
      String id = item.getString("profileId");
      JsonObject held = copy.get(id);
      if (held != null && held.getLong("version") > item.getLong("version")) continue;
      if (item.containsKey("status")) copy.remove(id);
      else copy.put(id, item);
    }
    return delta.deltaToken();
  }

  @Test
  void aProfileWhoseGoldenRecordIsNotYetWrittenIsLeftForLater() {
    // the state between a batch's two transactions: the profile row made, its golden record not yet computed
    UUID bare = UUID.randomUUID();
    String token = export(null, 1000).deltaToken();
    sql("insert into profile (profile_id, version, status, created_at, updated_at)"
        + " values ($1, 0, 'active', now(), now())",
        Tuple.of(bare));
    try {
      assertFalse(export(null, 1000).byId().containsKey(bare.toString()), "the whole export leaves it out, no 500");
      assertFalse(export(token, 1000).byId().containsKey(bare.toString()), "so does the delta");
    } finally {
      sql("delete from profile where profile_id = $1", Tuple.of(bare));
    }
  }

  @Test
  void badTokensAndCursorsAre400AndATokenOfAnotherDatabase410() {
    String token = export(null, 1000).deltaToken();
    String[] parts = token.split("\\.");
    assertProblem(400, "/api/v1/profiles?changedSince=yesterday", "changedSince: 'yesterday' is not a deltaToken");
    assertProblem(400, "/api/v1/profiles?changedSince=" + token + "&risk=LITIGATION", "changedSince: not with risk");
    assertProblem(400, "/api/v1/profiles?changedSince=" + token + "&after=" + UUID.randomUUID(),
        "after: '");
    assertProblem(400, "/api/v1/profiles?changedSince=" + token + "&after=0." + UUID.randomUUID(),
        "is not the next of a page of these changes");
    assertProblem(410, "/api/v1/profiles?changedSince=c1.42." + parts[2], "another database");
    long later = Long.parseLong(parts[2]) + 1_000_000_000L;
    assertProblem(410, "/api/v1/profiles?changedSince=c1." + parts[1] + "." + later,
        "restored from a backup");
    assertEquals(403, hub.get("/api/v1/profiles?changedSince=" + token, hub.token("router")).status(),
        "routing callers never see raw PII");
    assertNull(hub.get("/api/v1/profiles?risk=LITIGATION", hub.token("reader")).json().getString("deltaToken"),
        "a risk list gives no token: it is no copy of the customers");
  }

  private void assertProblem(int status, String path, String detail) {
    Response response = hub.get(path, hub.token("reader"));
    assertEquals(status, response.status(), response::toString);
    assertEquals("application/problem+json", response.contentType());
    assertTrue(response.json().getString("detail").contains(detail), response::toString);
  }

  private void sql(String statement, Tuple args) {
    hub.node().database().pool().preparedQuery(statement).execute(args)
        .toCompletionStage().toCompletableFuture().join();
  }
}
