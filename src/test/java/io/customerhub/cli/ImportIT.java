package io.customerhub.cli;

import io.customerhub.testing.HubTestNode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/hub import} against a running hub: a line the hub refuses as a request (not as a record) is rejected
 * alone and the lines after it are imported; running an import again changes nothing.
 */
class ImportIT {

  /** The hub's request body limit in this class: small, so that a line over it is cheap to write. */
  private static final int MAX_BODY_BYTES = 200_000;

  private static HubTestNode hub;

  @TempDir
  Path dir;

  @BeforeAll
  static void startHub() {
    hub = HubTestNode.builder().env("HUB_HTTP_MAX_BODY_BYTES", Integer.toString(MAX_BODY_BYTES)).start();
  }

  @AfterAll
  static void stopHub() {
    if (hub != null) hub.close();
  }

  private CliRun importFile(String source, Path file, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--source", source));
    args.addAll(List.of(options));
    args.add(file.toString());
    return CliRun.of(dir, hub.port(), "import", args);
  }

  private static String person(String id, String attribute) {
    return new JsonObject().put("sourceId", id).put("kind", "person").put("givenName", "Ana")
        .put("familyName", "Import" + id.replaceAll("[^A-Za-z]", "")).put("emails", List.of(id.toLowerCase() + "@import.example"))
        .put("attributes", new JsonObject().put("note", attribute)).encode();
  }

  private static Map<String, String> crosswalkOf(String source) {
    return hub.crosswalkAsItIs().entrySet().stream().filter(e -> e.getKey().startsWith(source + ":"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** A rejected record is named by its line in the file, blank lines and a CSV row's quoted line breaks counted. */
  @Test
  void aRejectedRecordIsNamedByItsLineInTheFile() throws Exception {
    String source = "imp" + UUID.randomUUID().toString().substring(0, 8);
    Path ndjson = Files.write(dir.resolve("gaps.ndjson"), List.of(person("G-1", "x"), "", "",
        person("G-2", "x"), "", "{\"sourceId\": \"G-3\", \"kind\": \"person\", \"birthDate\": []", person("G-4", "x")));

    CliRun run = importFile(source, ndjson);
    assertTrue(run.out().contains("3 accepted, 1 rejected"), run.out());
    assertTrue(run.out().contains("rejected line 6: "), run.out());

    Path csv = Files.writeString(dir.resolve("notes.csv"), "sourceId,kind,givenName,familyName,note\n"
        + "C-1,person,Ana,Csvone,\"a note\nover two lines\"\n"
        + "\n"
        + "C-2,alien,Ana,Csvtwo,x\n");
    CliRun csvRun = importFile(source, csv);
    assertTrue(csvRun.out().contains("1 accepted, 1 rejected"), csvRun.out());
    assertTrue(csvRun.out().contains("rejected line 5: "), csvRun.out());
  }

  @Test
  void aLineTheHubRefusesAsARequestIsRejectedAloneAndTheRestIsImported() throws Exception {
    String source = "imp" + UUID.randomUUID().toString().substring(0, 8);
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 4; i++) lines.add(person("P-" + i, "x"));
    lines.add("[\"not\", \"a record\"]"); // line 5, the first of the second request: the hub read the body as one array
    for (int i = 6; i <= 8; i++) lines.add(person("P-" + i, "x"));
    lines.add(person("P-9", "y".repeat(MAX_BODY_BYTES))); // line 9: over the hub's body limit on its own
    for (int i = 10; i <= 12; i++) lines.add(person("P-" + i, "x"));
    Path file = Files.write(dir.resolve("people.ndjson"), lines);

    CliRun run = importFile(source, file, "--batch", "4");
    assertEquals(ImportReport.SOME_REJECTED, run.exit(), run.toString());
    assertTrue(run.out().contains("10 accepted, 2 rejected"), run.out());
    assertTrue(run.out().contains("rejected line 5: line: is not a JSON object"), run.out());
    assertTrue(run.out().contains("rejected line 9: line: is " + Files.readAllLines(file).get(8).length()
        + " bytes, more than the hub takes in one request"), run.out());
    Map<String, String> crosswalk = crosswalkOf(source);
    assertEquals(10, crosswalk.size(), crosswalk.toString());
    for (int i : new int[] {1, 2, 3, 4, 6, 7, 8, 10, 11, 12}) {
      assertTrue(crosswalk.containsKey(source + ":P-" + i), "P-" + i + " in " + crosswalk);
    }

    // the same file again: the same answers, nothing new, nothing moved
    CliRun again = importFile(source, file, "--batch", "4");
    assertEquals(ImportReport.SOME_REJECTED, again.exit(), again.toString());
    assertTrue(again.out().contains("10 accepted, 2 rejected"), again.out());
    assertEquals(crosswalk, crosswalkOf(source));
  }

  /** Found by fuzzing: one .json record nested 5,000 deep refused the file, and the records after it with it. */
  @Test
  void aRecordNestedTooDeepIsRejectedAloneInEveryFormat() throws Exception {
    String source = "imp" + UUID.randomUUID().toString().substring(0, 8);
    String deep = "{\"sourceId\": \"D-2\", \"kind\": \"person\", \"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    Path json = Files.writeString(dir.resolve("deep.json"),
        "[" + person("D-1", "x") + ",\n" + deep + ",\n" + person("D-3", "x") + "]");
    Path ndjson = Files.write(dir.resolve("deep.ndjson"), List.of(person("N-1", "x"), deep, person("N-3", "x")));

    for (Path file : List.of(json, ndjson)) {
      CliRun run = importFile(source, file);
      assertEquals(ImportReport.SOME_REJECTED, run.exit(), run.toString());
      assertTrue(run.out().contains("2 accepted, 1 rejected"), run.out());
      assertTrue(run.out().contains("rejected line 2: line: nests arrays and objects more than 1000 levels deep"),
          run.out());
    }
    assertEquals(java.util.Set.of(source + ":D-1", source + ":D-3", source + ":N-1", source + ":N-3"),
        crosswalkOf(source).keySet());
  }

  /**
   * A new user's walkthrough: an import that stored 2 of 5 lines ended with exit code 0, and the hub's warnings (an
   * impossible date kept as its month) were never shown. Warnings are told like rejections and counted; an import of
   * which every record was accepted succeeds, warnings or not.
   */
  @Test
  void warningsAreToldByLineAndOnlyAnImportWithoutRejectionsSucceeds() throws Exception {
    String source = "imp" + UUID.randomUUID().toString().substring(0, 8);
    String impossible = new JsonObject(person("W-2", "x")).put("birthDate", "1985-02-30").encode();
    Path clean = Files.write(dir.resolve("warned.ndjson"), List.of(person("W-1", "x"), impossible));
    CliRun run = importFile(source, clean);
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().contains("2 accepted, 0 rejected, "), run.out());
    assertTrue(run.out().contains("; 1 accepted with warnings"), run.out());
    assertTrue(run.out().contains("warning line 2: birthDate: is not a calendar date: '1985-02-30'; kept 1985-02"),
        run.out());

    Path rejects = dir.resolve("rejects.txt");
    Path mixed = Files.write(dir.resolve("mixed.ndjson"), List.of(person("W-3", "x"), "{\"kind\": \"person\"}"));
    CliRun some = importFile(source, mixed, "--rejects", rejects.toString());
    assertEquals(ImportReport.SOME_REJECTED, some.exit(), some.toString());
    assertEquals(List.of("{\"kind\": \"person\"}"), Files.readAllLines(rejects), "the record, to fix and send again");
    List<String> reasons = Files.readAllLines(RejectedRecords.reasonsOf(rejects));
    assertEquals(1, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("line 2: sourceId: is required"), reasons.toString());

    CliRun none = importFile(source, Files.write(dir.resolve("none.ndjson"), List.of("{\"kind\": \"person\"}")));
    assertEquals(1, none.exit(), none.toString());
  }

  /**
   * A mapping written while the hub ran (here: one only the command's configuration has) is unknown to the hub, which
   * rejected every line "sourceId: is required" without a word of why: the import says the hub must be restarted.
   */
  @Test
  void aMappingTheHubDoesNotKnowIsToldOnce() throws Exception {
    String source = "imp" + UUID.randomUUID().toString().substring(0, 8);
    Files.createDirectories(dir.resolve("sources"));
    Files.writeString(dir.resolve("sources").resolve(source + ".json"), new JsonObject().put("name", source)
        .put("defaultKind", "person").put("fields", new JsonObject().put("sourceId", "cust_no")
            .put("familyName", "surname")).encode());
    Path csv = Files.writeString(dir.resolve("mapped.csv"), "cust_no,surname\nM-1,Mapped\nM-2,Mapped\n");

    CliRun run = importFile(source, csv);
    assertEquals(1, run.exit(), run.toString());
    assertTrue(run.out().contains("rejected line 2: sourceId: is required"), run.out());
    String hint = "maps sourceId from cust_no, which the rejected lines have, but the hub found no sourceId";
    assertEquals(1, run.err().lines().filter(l -> l.contains(hint)).count(), run.err());
    assertTrue(run.err().contains("must be restarted"), run.err());
  }

  /**
   * Found by killing a hub mid-load: a 503 ("retry later") ended the import, and the rest of the file was never
   * sent. A busy hub's answer is waited out, as long as it asks (Retry-After), and the request sent again.
   */
  @Test
  void aBusyHubIsWaitedOutAndTheRequestSentAgain() throws Exception {
    String source = "imp" + UUID.randomUUID().toString().substring(0, 8);
    Path file = Files.write(dir.resolve("busy.ndjson"), List.of(person("B-1", "x"), person("B-2", "x")));
    // every attempt at the batch fails as if concurrent writers were in its way, until the trigger goes
    sql("create or replace function refuse_busy() returns trigger language plpgsql as $$ "
        + "begin raise exception 'could not serialize (test)' using errcode = '40001'; end $$");
    sql("create trigger refuse_busy before insert on source_record for each row when (new.source = '" + source
        + "') execute function refuse_busy()");
    java.util.concurrent.CompletableFuture<Void> relieved = java.util.concurrent.CompletableFuture.runAsync(() -> {
      HubTestNode.sleep(2_500);
      sql("drop trigger refuse_busy on source_record");
    });

    CliRun run = importFile(source, file);
    relieved.join();

    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.err().contains("the hub answered 503 (concurrent writers kept getting in the way of this batch; "
        + "retry later): sending again in 1 s"), run.err());
    assertTrue(run.out().contains("2 accepted, 0 rejected"), run.out());
    assertEquals(java.util.Set.of(source + ":B-1", source + ":B-2"), crosswalkOf(source).keySet());
  }

  private static void sql(String statement) {
    io.customerhub.testing.Futures.await(hub.node().database().pool().query(statement).execute());
  }
}
