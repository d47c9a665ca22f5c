package io.customerhub.ingest;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.customerhub.testing.ApiAssertions.assertNoInternals;
import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.HubTestNode.NDJSON;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contract 1.3 {@code POST /api/v1/records/{source}}: NDJSON in, one answer line per input line out, in order. */
class HttpIngestIT {

  /** Small enough that a test can exceed it cheaply, large enough for the thousands-of-lines request. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private static HubTestNode hub;

  @BeforeAll
  static void startNode() {
    hub = HubTestNode.builder().env("HUB_HTTP_MAX_BODY_BYTES", String.valueOf(MAX_BODY_BYTES)).start();
  }

  @AfterAll
  static void stopNode() {
    if (hub != null) hub.close();
  }

  private static Response postRecords(String source, String contentType, String body) {
    return hub.post("/api/v1/records/" + source, contentType, body, hub.adminToken());
  }

  private static Rec customer() {
    return person("crm", uniqueId("C")).name(WireRecords.uniqueName(), WireRecords.uniqueName()).emails(uniqueEmail("wei.zhang"))
        .phones(WireRecords.international(uniqueMobile())).updatedAt(at(0));
  }

  @Test
  void thousandsOfNdjsonLinesAreAnsweredOneLinePerInputLineInOrder() {
    int lines = 2000;
    Set<Integer> malformed = Set.of(1, 1000, 1001, 2000);
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= lines; i++) {
      body.append(malformed.contains(i) ? "{\"sourceId\": \"broken" : customer().line()).append('\n');
    }
    assertTrue(body.length() < MAX_BODY_BYTES, "the request fits the body limit");

    Response r = postRecords("crm", NDJSON, body.toString());

    assertEquals(200, r.status(), r::toString);
    assertTrue(r.contentType().startsWith(NDJSON), r::toString);
    List<JsonObject> answers = r.ndjson();
    assertEquals(lines, answers.size());
    Set<String> profiles = new HashSet<>();
    for (int i = 1; i <= lines; i++) {
      JsonObject answer = answers.get(i - 1);
      assertEquals(i, answer.getInteger("line"), () -> "answer in input order: " + answer);
      if (malformed.contains(i)) {
        assertEquals("rejected", answer.getString("status"), answer::encode);
      } else {
        assertEquals("accepted", answer.getString("status"), answer::encode);
        assertNotNull(answer.getString("profileId"), answer::encode);
        profiles.add(answer.getString("profileId"));
      }
    }
    assertEquals(lines - malformed.size(), profiles.size(), "different customers make different profiles");
  }

  @Test
  void crmAndErpRecordsOfOnePersonWithDifferentlyFormattedEmailAreOneProfile() {
    String email = uniqueEmail("wei.zhang");
    String given = WireRecords.uniqueName();
    Rec crm = person("crm", uniqueId("C")).name(given, "Zhang").emails(email).updatedAt(at(0));
    Rec erp = person("erp", uniqueId("K")).name(given, "Zhang").emails("  " + email.toUpperCase() + " ")
        .updatedAt(at(5));

    String viaCrm = hub.accept(crm).getString("profileId");
    String viaErp = hub.accept(erp).getString("profileId");

    assertEquals(viaCrm, viaErp, "the ERP record joins the CRM record's profile");
    JsonObject byCrmKey = hub.profileByKey(crm);
    JsonObject byErpKey = hub.profileByKey(erp);
    assertEquals(viaCrm, byCrmKey.getString("profileId"));
    assertEquals(viaCrm, byErpKey.getString("profileId"));
    assertEquals(Set.of(HubTestNode.key(crm), HubTestNode.key(erp)), Set.copyOf(HubTestNode.recordKeys(byErpKey)));
  }

  @Test
  void crmAndErpRecordsOfOnePersonWithDifferentlyFormattedPhoneAreOneProfile() {
    String mobile = uniqueMobile();
    String given = WireRecords.uniqueName();
    Rec crm = person("crm", uniqueId("C")).name(given, "Zhang").phones(WireRecords.international(mobile))
        .updatedAt(at(0));
    Rec erp = person("erp", uniqueId("K")).name(given, "Zhang").phones(mobile).updatedAt(at(5));

    hub.accept(crm);
    hub.accept(erp);

    JsonObject byCrmKey = hub.profileByKey(crm);
    JsonObject byErpKey = hub.profileByKey(erp);
    assertEquals(byCrmKey.getString("profileId"), byErpKey.getString("profileId"));
    assertEquals(Set.of(HubTestNode.key(crm), HubTestNode.key(erp)), Set.copyOf(HubTestNode.recordKeys(byCrmKey)));
  }

  @Test
  void eachBadLineIsRejectedNamingItsFieldWhileTheGoodLinesAreAccepted() {
    Rec first = customer();
    Rec last = customer();
    Map<String, String> badLines = new LinkedHashMap<>();
    badLines.put("{\"sourceId\": \"C-1\", \"givenName\": ", "JSON");
    badLines.put(customer().remove("sourceId").line(), "sourceId");
    badLines.put(customer().set("emails", 5).line(), "emails");
    badLines.put(customer().set("phones", new JsonArray().add(new JsonObject().put("n", 1))).line(), "phones");
    badLines.put(customer().set("kind", "robot").line(), "kind");
    badLines.put(customer().set("updatedAt", "yesterday").line(), "updatedAt");
    badLines.put(customer().set("givenName", 42).line(), "givenName");
    badLines.put(customer().set("source", "erp").line(), "source");
    badLines.put(customer().set("deleted", "yes").line(), "deleted");
    badLines.put(customer().set("addresses", 8).line(), "addresses");
    badLines.put(customer().set("links", new JsonArray().add(new JsonObject().put("source", "erp"))).line(), "links");
    badLines.put("[1, 2, 3]", "JSON object");
    List<String> body = new ArrayList<>();
    body.add(first.line());
    body.addAll(badLines.keySet());
    body.add(last.line());

    Response r = postRecords("crm", NDJSON, String.join("\n", body) + "\n");

    assertEquals(200, r.status(), r::toString);
    List<JsonObject> answers = r.ndjson();
    assertEquals(body.size(), answers.size(), r::toString);
    assertEquals("accepted", answers.get(0).getString("status"), answers.get(0)::encode);
    assertEquals("accepted", answers.get(answers.size() - 1).getString("status"));
    List<String> expectedFields = new ArrayList<>(badLines.values());
    assertAll(expectedFields.stream().map(field -> () -> {
      int index = expectedFields.indexOf(field) + 1;
      JsonObject answer = answers.get(index);
      assertEquals("rejected", answer.getString("status"), () -> "line " + (index + 1) + " (" + field + "): " + answer);
      String error = answer.getString("error", "");
      assertTrue(error.contains(field), () -> "the error names '" + field + "': " + answer);
      assertNull(answer.getString("profileId"), answer::encode);
      assertNoInternals(error);
    }));
    assertEquals(answers.get(0).getString("profileId"), hub.profileByKey(first).getString("profileId"));
    assertEquals(answers.get(answers.size() - 1).getString("profileId"), hub.profileByKey(last).getString("profileId"));
  }

  @Test
  void aBodyInTheCharsetItsContentTypeNamesIsReadInThatCharset() {
    Rec latin = customer().name("Jürgen", "Müller-Lüdenscheidt");
    Response r = hub.post("/api/v1/records/crm", "application/x-ndjson; charset=ISO-8859-1",
        latin.line().getBytes(StandardCharsets.ISO_8859_1), hub.adminToken());

    assertEquals(200, r.status(), r::toString);
    assertEquals("accepted", new JsonObject(r.body().strip()).getString("status"), r::toString);
    assertEquals("Müller-Lüdenscheidt", hub.profileByKey(latin).getString("familyName"));
    Response unknown = hub.post("/api/v1/records/crm", "application/json; charset=klingon",
        customer().line().getBytes(StandardCharsets.UTF_8), hub.adminToken());
    assertEquals(415, unknown.status(), unknown::toString);
    assertTrue(unknown.json().getString("detail").contains("klingon"), unknown::toString);
  }

  @Test
  void anImpossibleBirthDateKeepsItsYearWithAWarningAndTheCustomerIsKept() {
    Rec typo = customer().birthDate("1990-13-45");

    Response r = postRecords("crm", NDJSON, typo.line() + "\n");

    assertEquals(200, r.status(), r::toString);
    JsonObject answer = r.ndjson().get(0);
    assertEquals("accepted", answer.getString("status"), answer::encode);
    assertEquals(List.of("birthDate: is not a calendar date: '1990-13-45'; kept 1990"),
        answer.getJsonArray("warnings").getList(), answer::encode);
    assertEquals(answer.getString("profileId"), hub.profileByKey(typo).getString("profileId"));
  }

  /**
   * A source without a mapping that writes US dates: 12/31/1975 in its request shows the month comes first, so
   * 07/04/1980 is the fourth of July, and stays so in the source's later requests.
   */
  @Test
  void aSourceWhoseDatesShowTheMonthFirstHasItsDatesReadSo() {
    String source = newSource("us");
    Rec july = born(source, "july", "07/04/1980");
    Rec newYear = born(source, "eve", "12/31/1975");
    Rec later = born(source, "later", "03/02/1990");

    assertEquals(200, postRecords(source, NDJSON, july.line() + "\n" + newYear.line() + "\n").status());
    assertEquals(200, postRecords(source, NDJSON, later.line() + "\n").status());

    assertEquals("1980-07-04", birthDateOf(july));
    assertEquals("1990-03-02", birthDateOf(later), "a later request of the source, with nothing to tell by itself");
  }

  /**
   * What a source's dates showed one node is kept in PostgreSQL: another node (or this one after a restart) reads
   * the source's lone 07/04/1980, which tells nothing by itself, as the fourth of July too.
   */
  @Test
  void aLearnedDateOrderHoldsOnEveryNodeAndAfterARestart() {
    String source = newSource("nodes");
    Rec newYear = born(source, "eve", "12/31/1975");
    assertEquals(200, postRecords(source, NDJSON, newYear.line() + "\n").status());

    Rec july = born(source, "july", "07/04/1980");
    try (HubTestNode other = HubTestNode.builder().postgresUrl(hub.pgUrl()).ownHazelcastMember().start()) {
      Response r = other.post("/api/v1/records/" + source, NDJSON, july.line() + "\n", other.adminToken());
      assertEquals(200, r.status(), r::toString);
      assertEquals("1980-07-04", birthDateOf(other, july));
    }
  }

  /**
   * A source's first request holds only 07/04/1980, read as 7 April; its next shows it writes the month first
   * (12/31/1975): the hub reads the first record again as sent, now the fourth of July, in the same profile.
   */
  @Test
  void aRecordReadDayFirstBeforeItsSourceShowedTheMonthFirstIsReadAgain() {
    String source = newSource("again");
    Rec july = born(source, "july", "07/04/1980");
    assertEquals(200, postRecords(source, NDJSON, july.line() + "\n").status());
    String profileId = hub.profileByKey(july).getString("profileId");
    assertEquals("1980-04-07", birthDateOf(july), "nothing told the order yet: day first");

    Rec newYear = born(source, "eve", "12/31/1975");
    assertEquals(200, postRecords(source, NDJSON, newYear.line() + "\n").status());

    JsonObject read = hub.awaitProfile(source, july.sourceId(), p -> "1980-07-04".equals(p.getString("birthDate")),
        Duration.ofSeconds(20));
    assertEquals(profileId, read.getString("profileId"), "the same customer, corrected");
  }

  /**
   * A request of a source is in flight, read day first as nothing had told the order yet, when another request of
   * the source shows the month first: the read-again pass of the second one finds only what had committed by then.
   * The first request, once committed, asks again and reads its own inputs again: all of them end up month first.
   */
  @Test
  void aRequestInFlightWhenItsSourceShowsTheMonthFirstIsReadAgainToo() throws Exception {
    String source = newSource("flight");
    List<Rec> early = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      Rec r = born(source, "early" + i, "07/04/19" + (50 + i % 40));
      early.add(r);
      body.append(r.line()).append('\n');
    }
    CompletableFuture<Response> inFlight =
        CompletableFuture.supplyAsync(() -> postRecords(source, NDJSON, body.toString()));
    Thread.sleep(150);
    assertEquals(200, postRecords(source, NDJSON, born(source, "eve", "12/31/1975").line() + "\n").status());
    assertEquals(200, inFlight.get(60, TimeUnit.SECONDS).status());

    for (Rec r : List.of(early.get(0), early.get(early.size() / 2), early.get(early.size() - 1))) {
      hub.awaitProfile(source, r.sourceId(), p -> String.valueOf(p.getString("birthDate")).endsWith("-07-04"),
          Duration.ofSeconds(30));
    }
  }

  /**
   * A node that read a source day first only because its first inputs told no order (none of DateOrders.SCAN_LIMIT
   * did) looks again at what other nodes learned: once another has stored the month first, this node's next lone
   * 07/04/1980 is the fourth of July too.
   */
  @Test
  void aNodeThatFoundNoTellingDateTakesTheOrderAnotherNodeLearnedLater() throws Exception {
    String source = newSource("quiet");
    String nothingTells = "{}\n".repeat(DateOrders.SCAN_LIMIT);
    assertEquals(200, postRecords(source, NDJSON, nothingTells).status());

    try (HubTestNode other = HubTestNode.builder().postgresUrl(hub.pgUrl()).ownHazelcastMember().start()) {
      Response r = other.post("/api/v1/records/" + source, NDJSON, born(source, "eve", "12/31/1975").line() + "\n",
          other.adminToken());
      assertEquals(200, r.status(), r::toString);
    }
    Thread.sleep(1_100); // past the second for which this node takes "nothing stored" as still true

    Rec july = born(source, "july", "07/04/1980");
    assertEquals(200, postRecords(source, NDJSON, july.line() + "\n").status());
    assertEquals("1980-07-04", birthDateOf(july));
  }

  /** A source name of its own for a test of learning date orders (no mapping, so nothing declared). */
  private static String newSource(String tag) {
    return "shop" + uniqueId(tag).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** A customer of {@code source} with an e-mail of its own and the birth date as the source writes it. */
  private static Rec born(String source, String emailTag, String birthDate) {
    return person(source, uniqueId("U")).name(WireRecords.uniqueName(), WireRecords.uniqueName())
        .emails(uniqueEmail(emailTag)).birthDate(birthDate).updatedAt(at(0));
  }

  private static String birthDateOf(Rec r) {
    return birthDateOf(hub, r);
  }

  private static String birthDateOf(HubTestNode hub, Rec r) {
    String profileId = hub.profileByKey(r).getString("profileId");
    return hub.get("/api/v1/profiles/" + profileId + "?lineage=true", hub.adminToken()).json()
        .getJsonObject("lineage").getJsonObject("birthDate").getString("value");
  }

  /**
   * Python's json.dumps writes a data frame's missing value as NaN, and exports write "N/A": such a record is kept
   * without the value. Two strangers whose national id is "N/A" stay apart.
   */
  @Test
  void nanAndPlaceholdersAreMissingValuesInLinesAndArraysAndJoinNobody() {
    Rec ann = person("crm", uniqueId("C")).name("Ann", WireRecords.uniqueName()).nationalId("N/A");
    Rec bob = person("crm", uniqueId("C")).name("Bob", WireRecords.uniqueName()).nationalId("N/A");
    String line = ann.line().replaceFirst("\\}$", ", \"birthDate\": NaN}");
    Response r = postRecords("crm", NDJSON, line + "\n" + bob.line() + "\n");

    assertEquals(200, r.status(), r::toString);
    List<JsonObject> answers = r.ndjson();
    assertEquals(List.of("accepted", "accepted"), answers.stream().map(a -> a.getString("status")).toList(),
        r::toString);
    assertEquals(List.of("birthDate: NaN is no value; read as missing", "nationalId: 'N/A' stands for no value; left out"),
        answers.get(0).getJsonArray("warnings").getList(), r::toString);
    assertNotEquals(answers.get(0).getString("profileId"), answers.get(1).getString("profileId"), r::toString);

    Rec cy = person("crm", uniqueId("C")).name("Cy", WireRecords.uniqueName());
    String array = "[" + cy.line().replaceFirst("\\}$", ", \"phones\": [NaN]}") + "]";
    JsonObject inArray = postRecords("crm", "application/json", array).ndjson().get(0);
    assertEquals("accepted", inArray.getString("status"), inArray::encode);
    assertEquals(List.of("phones[0]: NaN is no value; read as missing"), inArray.getJsonArray("warnings").getList());
  }

  @Test
  void aBlankSourceIdIsRejectedNamingTheFieldWhileTheOtherLinesAreAccepted() {
    Rec good = customer();
    String body = customer().set("sourceId", "   ").line() + "\n" + customer().set("sourceId", "").line() + "\n"
        + good.line() + "\n";

    Response r = postRecords("crm", NDJSON, body);

    assertEquals(200, r.status(), r::toString);
    List<JsonObject> answers = r.ndjson();
    assertEquals(List.of("rejected", "rejected", "accepted"), answers.stream().map(a -> a.getString("status")).toList(),
        r::toString);
    assertTrue(answers.get(0).getString("error").contains("sourceId"), r::toString);
    assertTrue(answers.get(1).getString("error").contains("sourceId"), r::toString);
  }

  @Test
  void badOrderLinesAreRejectedNamingTheirField() {
    String customerId = uniqueId("C");
    Map<String, String> badLines = new LinkedHashMap<>();
    badLines.put(WireRecords.order(uniqueId("O"), "crm", customerId).ordered(at(0), "-5", "paid").line(), "amount");
    badLines.put(WireRecords.order(uniqueId("O"), "crm", customerId).ordered(at(0), "5", "lost").line(), "status");
    badLines.put(WireRecords.order(uniqueId("O"), "crm", customerId).ordered(at(0), "5", "paid")
        .set("amount", "a lot").line(), "amount");
    badLines.put(WireRecords.order(uniqueId("O"), "crm", customerId).ordered(at(0), "5", "paid")
        .remove("customerRef").line(), "customerRef");
    badLines.put(WireRecords.order(uniqueId("O"), "crm", customerId).ordered(at(0), "5", "paid")
        .set("orderedAt", "last tuesday").line(), "orderedAt");
    Rec good = WireRecords.order(uniqueId("O"), "crm", customerId).ordered(at(0), "5", "paid").updatedAt(at(0));
    List<String> body = new ArrayList<>(badLines.keySet());
    body.add(good.line());

    Response r = postRecords("orders", NDJSON, String.join("\n", body));

    assertEquals(200, r.status(), r::toString);
    List<JsonObject> answers = r.ndjson();
    List<String> fields = new ArrayList<>(badLines.values());
    for (int i = 0; i < fields.size(); i++) {
      JsonObject answer = answers.get(i);
      assertEquals("rejected", answer.getString("status"), answer::encode);
      assertTrue(answer.getString("error").contains(fields.get(i)), answer::encode);
    }
    assertEquals("accepted", answers.get(fields.size()).getString("status"), r::toString);
  }

  @Test
  void aRecordTheDatabaseRefusesIsRejectedAloneAndItsBatchIsCommitted() {
    // a value the decoder lets through and PostgreSQL refuses inside the batch (as it refused an amount past
    // numeric(18, 2) before the decoder knew that limit): here a trigger's, with the same SQLSTATE
    String customerId = uniqueId("C");
    List<Rec> lines = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      lines.add(WireRecords.order(uniqueId("O"), "crm", customerId).ordered(at(i), i == 4 ? "4242.42" : "5", "paid")
          .updatedAt(at(i)));
    }

    Response r;
    try (HubTestNode.Undo refusing = hub.refusingOrdersOf("4242.42")) {
      r = postRecords("orders", NDJSON, String.join("\n", lines.stream().map(Rec::line).toList()));
    }

    assertEquals(200, r.status(), r::toString);
    List<JsonObject> answers = r.ndjson();
    for (int i = 0; i < lines.size(); i++) {
      JsonObject answer = answers.get(i);
      if (i == 4) {
        assertEquals("rejected", answer.getString("status"), answer::encode);
        assertTrue(answer.getString("error").contains("SQLSTATE 22003"), answer::encode);
      } else {
        assertEquals("accepted", answer.getString("status"), answer::encode);
      }
    }
    Response again = postRecords("orders", NDJSON, lines.get(0).line());
    assertEquals("unchanged", again.ndjson().get(0).getString("outcome"), "the good lines were committed");
  }

  @Test
  void namesInAnyScriptArriveAndAreAnsweredIntact() {
    Rec record = person("crm", uniqueId("C")).name("伟", "张").set("fullName", "张伟 Müller-Łukasz")
        .emails(uniqueEmail("zhang")).address("建国路8号", "北京", "100022").updatedAt(at(0));

    hub.accept(record);

    JsonObject profile = hub.profileByKey(record);
    assertEquals("伟", profile.getString("givenName"));
    assertEquals("张", profile.getString("familyName"));
    assertEquals("张伟 Müller-Łukasz", profile.getString("fullName"));
    assertTrue(profile.getJsonArray("addresses").encode().contains("建国路8号"), profile::encode);
  }

  @Test
  void aRecordIsFoundByASourceIdWithSlashesSpacesAndAnyScript() {
    Rec record = person("erp", "2026/客户 " + uniqueId("K")).emails(uniqueEmail("odd-id")).updatedAt(at(0));

    String profileId = hub.accept(record).getString("profileId");

    Response r = hub.profileByKeyResponse(record.source(), record.sourceId());
    assertEquals(200, r.status(), r::toString);
    assertEquals(profileId, r.json().getString("profileId"));
    assertTrue(hub.crosswalk().containsKey(HubTestNode.key(record)));
  }

  @Test
  void crlfLineEndingsAndAByteOrderMarkAreAccepted() {
    Rec a = customer();
    Rec b = customer();

    Response r = postRecords("crm", NDJSON, "\uFEFF" + a.line() + "\r\n" + b.line() + "\r\n");

    assertEquals(200, r.status(), r::toString);
    assertEquals(List.of("accepted", "accepted"), r.ndjson().stream().map(x -> x.getString("status")).toList(),
        r::toString);
  }

  @Test
  void twoJsonObjectsOnOneLineAreRejectedNotHalfRead() {
    Rec a = customer();
    Rec b = customer();

    Response r = postRecords("crm", NDJSON, a.line() + " " + b.line() + "\n");

    List<JsonObject> answers = r.ndjson();
    assertEquals(1, answers.size(), r::toString);
    assertEquals("rejected", answers.get(0).getString("status"), r::toString);
    assertEquals(404, hub.profileByKeyResponse(a.source(), a.sourceId()).status(), "nothing of the line was stored");
  }

  /** A body whose first line is broken is still NDJSON: the first line is rejected, the others are read. */
  @Test
  void aBrokenFirstLineIsRejectedAloneAndTheNextLinesAreRead() {
    Rec a = customer();
    Rec b = customer();

    Response r = postRecords("crm", NDJSON, "{\"source\": \n" + a.line() + "\r\n" + b.line());

    assertEquals(List.of("rejected", "accepted", "accepted"),
        r.ndjson().stream().map(x -> x.getString("status")).toList(), r::toString);
    assertEquals(200, hub.profileByKeyResponse(b.source(), b.sourceId()).status(), "the last line, without newline");
  }

  @Test
  void aBlankLineInsideTheBodyIsRejectedSoThatLineNumbersMatch() {
    Response r = postRecords("crm", NDJSON, customer().line() + "\n\n" + customer().line() + "\n");

    List<JsonObject> answers = r.ndjson();
    assertEquals(List.of("accepted", "rejected", "accepted"),
        answers.stream().map(a -> a.getString("status")).toList(), r::toString);
    assertEquals(List.of(1, 2, 3), answers.stream().map(a -> a.getInteger("line")).toList());
  }

  @Test
  void aLineLongerThanTheLineLimitIsRejectedAlone() {
    int maxLine = hub.config().http().maxLineBytes();
    Rec huge = customer().attribute("note", "x".repeat(maxLine));
    Response r = postRecords("crm", NDJSON, customer().line() + "\n" + huge.line() + "\n");

    List<JsonObject> answers = r.ndjson();
    assertEquals("accepted", answers.get(0).getString("status"), r::toString);
    assertEquals("rejected", answers.get(1).getString("status"), r::toString);
    assertTrue(answers.get(1).getString("error").startsWith("line"), r::toString);
  }

  /** The line limit bounds a record however the body lays it out: an element of a JSON array too. */
  @Test
  void anArrayElementLongerThanTheLineLimitIsRejectedAlone() {
    int maxLine = hub.config().http().maxLineBytes();
    Rec huge = customer().attribute("note", "x".repeat(maxLine * 4));
    String body = new JsonArray().add(customer().json()).add(huge.json()).encode();
    Response r = postRecords("crm", "application/json", body);

    List<JsonObject> answers = r.ndjson();
    assertEquals("accepted", answers.get(0).getString("status"), r::toString);
    assertEquals("rejected", answers.get(1).getString("status"), r::toString);
    assertTrue(answers.get(1).getString("error").startsWith("record: is longer than"), r::toString);
  }

  /** The limit is in bytes: a line of three-byte characters is held to it as UTF-8, not by its character count. */
  @Test
  void aLineOverTheLimitInMultiByteCharactersIsRejected() {
    int maxLine = hub.config().http().maxLineBytes();
    String line = customer().attribute("note", "\u4e2d".repeat(maxLine - 1000)).line();
    assertTrue(line.length() < maxLine && line.getBytes(StandardCharsets.UTF_8).length > 2 * maxLine);
    Response r = postRecords("crm", NDJSON, line + "\n");

    assertEquals("rejected", r.ndjson().get(0).getString("status"), r::toString);
  }

  /** A NUL escape is refused wherever it comes, an escaped backslash before the letters u0000 is not one. */
  @Test
  void nulCharactersAreRefusedInArraysButAWindowsPathIsNot() {
    Rec withNul = customer().attribute("note", "a\u0000b");
    Rec windowsPath = customer().attribute("note", "C:\\u0000");
    String body = new JsonArray().add(withNul.json()).add(windowsPath.json()).encode();
    Response r = postRecords("crm", "application/json", body);

    List<JsonObject> answers = r.ndjson();
    assertEquals("rejected", answers.get(0).getString("status"), r::toString);
    assertTrue(answers.get(0).getString("error").contains("NUL"), r::toString);
    assertEquals("accepted", answers.get(1).getString("status"), r::toString);
    assertEquals("accepted", postRecords("crm", NDJSON, customer().attribute("note", "C:\\u0000").line()).ndjson()
        .get(0).getString("status"));
  }

  /**
   * Half a surrogate pair alone (a JSON escape such as \ud802) is no character: the database would store a key
   * other than the one linked, and the same line sent again could never be stored. It is refused on its own,
   * naming the field, every time, and the good line beside it is accepted.
   */
  @Test
  void aLoneSurrogateIsRefusedNamingItsFieldAndTheGoodLineBesideItIsAcceptedEveryTime() {
    Rec good = customer();
    String lone = "{\"sourceId\":\"lone-" + good.sourceId() + "\\ud802\",\"kind\":\"person\",\"givenName\":\"Lo\","
        + "\"familyName\":\"Ne\"}";
    String inCity = customer().line().replaceFirst("\\}$", ",\"addresses\":[{\"city\":\"Bern\\\\udc00\"}]}");
    for (int round = 1; round <= 2; round++) {
      Response r = postRecords("crm", NDJSON, good.line() + "\n" + lone + "\n" + inCity);
      List<JsonObject> answers = r.ndjson();
      assertEquals(200, r.status(), r::toString);
      assertEquals("accepted", answers.get(0).getString("status"), r::toString);
      assertEquals("rejected", answers.get(1).getString("status"), r::toString);
      assertTrue(answers.get(1).getString("error").startsWith("sourceId: holds half of a UTF-16 surrogate pair"),
          r::toString);
      assertEquals("rejected", answers.get(2).getString("status"), r::toString);
      assertTrue(answers.get(2).getString("error").startsWith("addresses[0].city: "), r::toString);
    }
  }

  /**
   * Found by fuzzing: numbers and times JSON allows that the store cannot keep. Each line is refused on its own,
   * naming its field, fast (1E+1000000000 written out in digits would take a gigabyte); a time of the last
   * microsecond of 9999 is kept, and the source summary that reads it back still answers.
   */
  @Test
  void numbersAndTimesTheStoreCannotKeepAreRefusedNamingTheirField() {
    String ref = ",\"kind\":\"order\",\"customerRef\":{\"source\":\"crm\",\"sourceId\":\"nobody\"}";
    String orders = "{\"sourceId\":\"" + uniqueId("amt") + "\"" + ref + ",\"amount\":\"1E+1000000000\"}\n"
        + "{\"sourceId\":\"" + uniqueId("amt") + "\"" + ref + ",\"amount\":1e20}\n"
        + "{\"sourceId\":\"" + uniqueId("amt") + "\"" + ref + ",\"amount\":12.5}";
    List<JsonObject> answers = postRecords("orders", NDJSON, orders).ndjson();
    assertTrue(answers.get(0).getString("error").startsWith("amount: is larger than"), answers::toString);
    assertTrue(answers.get(1).getString("error").startsWith("amount: is larger than"), answers::toString);
    assertEquals("accepted", answers.get(2).getString("status"), answers::toString);

    Rec last = customer().set("updatedAt", "9999-12-31T23:59:59.9999999Z");
    String people = last.line() + "\n" + customer().set("updatedAt", "+999999999-12-31T23:59:59Z").line() + "\n"
        + "{\"sourceId\":1e400,\"kind\":\"person\",\"givenName\":\"Ann\"}";
    answers = postRecords("crm", NDJSON, people).ndjson();
    assertEquals("accepted", answers.get(0).getString("status"), answers::toString);
    assertTrue(answers.get(1).getString("error").startsWith("updatedAt: is outside the years 1 to 9999"),
        answers::toString);
    assertTrue(answers.get(2).getString("error").startsWith("sourceId: "), answers::toString);
    assertTrue(answers.get(2).getString("error").endsWith("sourceId: Infinity is no value; read as missing"),
        answers::toString);
    assertEquals(200, hub.get("/api/v1/sources", hub.adminToken()).status());
  }

  /** Latin-1 sent as UTF-8: the record is kept, and its answer says which value lost letters and why. */
  @Test
  void aValueOfBytesThatWereNotUtf8IsKeptWithAWarningNamingIt() {
    Rec latin1 = customer().name("J\u00fcrgen", "M\u00fcller");
    byte[] body = latin1.line().getBytes(StandardCharsets.ISO_8859_1);
    Response r = HubTestNode.send(hub.request("/api/v1/records/crm", hub.adminToken())
        .header("Content-Type", NDJSON).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build());
    JsonObject answer = r.ndjson().get(0);
    assertEquals("accepted", answer.getString("status"), r::toString);
    assertTrue(answer.getJsonArray("warnings").encode().contains("givenName: holds U+FFFD"), r::toString);
  }

  @Test
  void aBodyOverTheSizeLimitIs413ProblemJson() {
    StringBuilder body = new StringBuilder();
    while (body.length() <= MAX_BODY_BYTES) body.append(customer().line()).append('\n');

    Response r = postRecords("crm", NDJSON, body.toString());

    assertProblem(413, r);
  }

  @Test
  void moreLinesThanAllowedPerRequestIs413ProblemJson() {
    int maxLines = hub.config().http().maxLinesPerRequest();
    Response r = postRecords("crm", NDJSON, "{}\n".repeat(maxLines + 1));

    JsonObject problem = assertProblem(413, r);
    assertTrue(problem.getString("detail").contains(String.valueOf(maxLines)), problem::encode);
  }

  /** Exactly as many lines as allowed, then trailing blank lines: those are no lines, the body is answered. */
  @Test
  void asManyLinesAsAllowedWithTrailingBlankLinesAreAnswered() {
    int maxLines = hub.config().http().maxLinesPerRequest();
    Response r = postRecords("crm", NDJSON, "{}\n".repeat(maxLines) + "\n\r\n");

    assertEquals(200, r.status(), () -> r.body().substring(0, Math.min(300, r.body().length())));
    assertEquals(maxLines, r.ndjson().size());
  }

  @Test
  void aJsonArrayBodyIsAnsweredLikeNdjson() {
    Rec a = customer();
    Rec b = customer();
    String body = new JsonArray().add(a.json()).add(b.json()).encodePrettily();

    Response r = postRecords("crm", "application/json", body);

    assertEquals(200, r.status(), r::toString);
    List<JsonObject> answers = r.ndjson();
    assertEquals(2, answers.size(), r::toString);
    assertEquals("accepted", answers.get(0).getString("status"));
    assertEquals("accepted", answers.get(1).getString("status"));
    assertEquals(answers.get(1).getString("profileId"), hub.profileByKey(b).getString("profileId"));
  }

  @Test
  void onePrettyPrintedJsonObjectIsOneRecord() {
    Rec a = customer();

    Response r = postRecords("crm", "application/json", a.json().encodePrettily());

    assertEquals(200, r.status(), r::toString);
    List<JsonObject> answers = r.ndjson();
    assertEquals(1, answers.size(), r::toString);
    assertEquals("accepted", answers.get(0).getString("status"), r::toString);
    assertEquals(answers.get(0).getString("profileId"), hub.profileByKey(a).getString("profileId"));
  }

  @Test
  void aMethodTheRecordsPathDoesNotTakeIs405ProblemJson() {
    assertProblem(405, hub.get("/api/v1/records/crm", hub.adminToken()));
  }

  @Test
  void anEmptyBodyIs400ProblemJson() {
    JsonObject problem = assertProblem(400, postRecords("crm", NDJSON, ""));
    assertTrue(problem.getString("detail").contains("body"), problem::encode);
  }

  @Test
  void aMalformedJsonArrayBodyIs400ProblemJson() {
    assertProblem(400, postRecords("crm", "application/json", "[{\"sourceId\": \"C-1\"},"));
  }

  @Test
  void anInvalidSourceNameIs400ProblemJson() {
    JsonObject problem = assertProblem(400, postRecords("my%20source", NDJSON, customer().line()));
    assertTrue(problem.getString("detail").contains("source"), problem::encode);
  }

  @Test
  void aSourceWithoutMappingTakesCanonicalRecords() {
    Rec record = person("webshop", uniqueId("W")).emails(uniqueEmail("shopper")).updatedAt(at(0));

    JsonObject answer = hub.accept(record);

    assertEquals(answer.getString("profileId"), hub.profileByKey(record).getString("profileId"));
  }

  @Test
  void aSourceMappingTurnsNativeFieldsIntoCanonicalOnes() {
    String id = uniqueId("C");
    String email = uniqueEmail("native");
    JsonObject nativeCrm = new JsonObject().put("contact_id", id).put("first_name", "Min").put("last_name", "Liu")
        .put("email", email).put("modified_at", at(0).toString());

    Response r = postRecords("crm", NDJSON, nativeCrm.encode() + "\n");

    assertEquals("accepted", r.ndjson().get(0).getString("status"), r::toString);
    JsonObject profile = hub.profileByKey("crm", id);
    assertEquals("Min", profile.getString("givenName"));
    assertEquals("Liu", profile.getString("familyName"));
    assertTrue(profile.getJsonArray("emails").encode().contains(email), profile::encode);
  }

  @Test
  void unknownAndMalformedProfileIdsAreProblemJson() {
    assertProblem(404, hub.profileResponse("00000000-0000-0000-0000-000000000000"));
    assertProblem(400, hub.profileResponse("not-a-uuid"));
    assertProblem(404, hub.profileByKeyResponse("crm", uniqueId("nobody")));
    assertProblem(404, hub.get("/api/v1/no-such-thing", hub.adminToken()));
    assertProblem(404, hub.get("/no-such-thing", null));
  }

  @Test
  void acceptedLinesAnswerTheirOutcome() {
    Rec record = customer();
    JsonObject created = hub.accept(record);
    JsonObject again = hub.accept(record);

    assertEquals("created", created.getString("outcome"), created::encode);
    assertEquals("unchanged", again.getString("outcome"), again::encode);
    assertEquals(created.getString("profileId"), again.getString("profileId"));
    assertNotEquals(null, created.getString("profileId"));
  }
}
