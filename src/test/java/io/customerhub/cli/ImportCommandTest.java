package io.customerhub.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file the import cannot use is refused in one line before any hub is looked for or started. */
class ImportCommandTest {

  @TempDir
  Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return HubCommand.commandLine().setErr(new PrintWriter(err, true)).execute(args);
  }

  private void assertRefused(String expected, String... args) {
    err.getBuffer().setLength(0);
    assertEquals(CommandLine.ExitCode.USAGE, run(args), err.toString());
    assertTrue(err.toString().contains(expected), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), "one line, no stack trace: " + err);
  }

  @Test
  void refusesFilesItCannotImport() throws Exception {
    assertRefused("no such file", "import", "--source", "crm", dir.resolve("missing.csv").toString());
    assertRefused("is a directory", "import", "--source", "crm", dir.toString());
    Path empty = Files.writeString(dir.resolve("empty.ndjson"), "\n\n");
    assertRefused("no records", "import", "--source", "crm", empty.toString());
    Path headerOnly = Files.writeString(dir.resolve("header.csv"), "contact_id,last_name\n");
    assertRefused("no records (a CSV's first line is its header)", "import", "--source", "crm", headerOnly.toString());
    assertRefused("no records", "import", "--source", "crm", Files.writeString(dir.resolve("e.csv"), "").toString());
    Path binary = Files.write(dir.resolve("blob.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '\n', 2});
    assertRefused("not UTF-8 text", "import", "--source", "crm", binary.toString());
    byte[] latin1 = "{\"sourceId\":\"C-1\"}\n{\"sourceId\":\"C-2\",\"familyName\":\"M\u00fcller\"}\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertRefused("latin1.ndjson: not UTF-8 text at line 2", "import", "--source", "crm",
        Files.write(dir.resolve("latin1.ndjson"), latin1).toString());
    Path openQuote = Files.writeString(dir.resolve("quote.csv"), "a,b\n\"1,2\n");
    assertRefused("quote.csv: ", "import", "--source", "crm", openQuote.toString());
    Path pasted = Files.writeString(dir.resolve("pasted.json"), "[{\"sourceId\":\"C-1\"}]\n{\"sourceId\":\"C-2\"}\n");
    assertRefused("pasted.json: line 2: is not valid JSON (content after the end of the top-level array)", "import",
        "--source", "crm", pasted.toString());
  }

  @Test
  void refusesACsvWhoseValuesWouldBeDroppedSilently() throws Exception {
    // the second column of a name would overwrite the first's value in every row
    Path twice = Files.writeString(dir.resolve("twice.csv"), "email,first_name,email\na@example.com,Wei,b@example.com\n");
    assertRefused("twice.csv: ", "import", "--source", "crm", twice.toString());
    assertRefused("the header names column 'email' twice", "import", "--source", "crm", twice.toString());
    // a value beyond the header's columns (an unquoted comma, most often) has no column to go to
    Path extra = Files.writeString(dir.resolve("extra.csv"), "contact_id,last_name\nC-1,Zhang\nC-2,Smith, Jr.\n");
    assertRefused("extra.csv: line 3: has 3 values but the header names 2 columns", "import", "--source", "crm",
        extra.toString());
  }

  /**
   * A new user's walkthrough: a ';'-separated file, or one without the column the mapping takes sourceId from, sent
   * every line to the hub to come back "sourceId: is required". The header is checked first, before any row.
   */
  @Test
  void aCsvHeaderWithoutTheSourceIdColumnIsRefusedSayingWhy() throws Exception {
    // the comma in a value made the row two values under a header of one column: the header tells more
    Path semicolons = Files.writeString(dir.resolve("excel.csv"), "contact_id;first_name\nC-1;Ana, Maria\n");
    assertRefused("excel.csv: the header is one column, 'contact_id;first_name': the file looks ';'-separated",
        "import", "--source", "crm", semicolons.toString());
    Path renamed = Files.writeString(dir.resolve("renamed.csv"), "id,last_name\n1,Li\n");
    assertRefused("renamed.csv: the header has no column contact_id, which ", "import", "--source", "crm",
        renamed.toString());
    assertRefused(Path.of("conf", "sources", "crm.json") + " maps to sourceId; its columns: id, last_name", "import",
        "--source", "crm", renamed.toString());
    Path tabs = Files.writeString(dir.resolve("tabs.csv"), "contact_id\tlast_name\nC-1\tLi\n");
    assertRefused("looks tab-separated", "import", "--source", "crm", tabs.toString());
  }

  @Test
  void theImportsHelpSaysWhatItReadsAndItsExitCodes() {
    StringWriter help = new StringWriter();
    HubCommand.commandLine().setOut(new PrintWriter(help, true)).execute("import", "--help");
    String text = help.toString().replaceAll("\\s+", " ");
    assertTrue(text.contains("CSV, TSV, NDJSON or JSON"), text);
    assertTrue(text.contains("Exit codes:"), text);
    assertTrue(text.contains(" 3 some records rejected, the others imported"), text);
  }

  @Test
  void emptyValuesAfterTheLastColumnAreNoValues() throws Exception {
    Path trailing = Files.writeString(dir.resolve("trailing.csv"), "contact_id,last_name\nC-1,Zhang,\n\"C-2\",\"a\nb\", \n");
    try (FileRecords records = new FileRecords(trailing, Long.MAX_VALUE)) {
      assertEquals("{\"contact_id\":\"C-1\",\"last_name\":\"Zhang\"}", records.next());
      assertEquals("{\"contact_id\":\"C-2\",\"last_name\":\"a\\nb\"}", records.next());
      assertFalse(records.hasNext());
    }
  }

  /** The counting pass keeps no line: one too long to import is counted, to be rejected alone; a blank one is not. */
  @Test
  void aLineTooLongToImportIsCountedNotKept() throws Exception {
    ImportCommand command = new ImportCommand();
    command.file = Files.writeString(dir.resolve("long.ndjson"),
        "{\"a\":1}\n" + "x".repeat(1 << 20) + "\n" + " ".repeat(1 << 20) + "\r\n{\"a\":2}");
    assertEquals(3, command.countRecords());
  }

  @Test
  void refusesBadOptionsBeforeReadingTheFile() {
    Path file = dir.resolve("any.ndjson");
    assertEquals(CommandLine.ExitCode.USAGE, run("import", "--source", "crm", "--batch", "0", file.toString()));
    assertTrue(err.toString().contains("--batch must be at least 1"), err.toString());
    assertEquals(CommandLine.ExitCode.USAGE, run("import", "--source", "a b", file.toString()));
    assertTrue(err.toString().contains("--source 'a b' is not a source name"), err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"demo", "start", "token", "import", "generate", "eval", "train", "reresolve"}) {
      assertEquals(CommandLine.ExitCode.OK, HubCommand.commandLine().setOut(new PrintWriter(new StringWriter()))
          .execute(command, "--help"), command);
    }
  }

  /** A hub named by hand that does not answer: a node started here instead would work on this machine's data. */
  @Test
  void aHubNamedByUrlThatDoesNotAnswerIsRefusedNotReplacedByALocalNode() throws Exception {
    for (String command : new String[] {"reresolve", "train"}) {
      assertRefused("no hub answers at http://127.0.0.1:1 (--url)", command, "--url", "http://127.0.0.1:1");
    }
  }

  /** Minutes times 60 overflowed an int past 35 million: the token had no expiry. */
  @Test
  void aTokenTtlOutOfRangeIsRefused() {
    for (String ttl : new String[] {"40000000", "0", "-100"}) {
      CliRun run = CliRun.of(java.util.List.of("token", "--role", "reader", "--ttl", ttl));
      assertEquals(2, run.exit(), run::toString);
      assertTrue(run.err().contains("--ttl: minutes from 1 to"), run::toString);
    }
  }

  /** Found by fuzzing: a subject no revocation could name (blank, padded, a NUL) made a token all the same. */
  @Test
  void aSubjectNoRevocationCouldNameIsRefused() {
    java.util.Map<String, String> refusals = java.util.Map.of("", "must name whom", " alice", "must not start or end",
        "al\u0000ice", "control characters", "x".repeat(501), "longer than 500");
    refusals.forEach((subject, reason) -> {
      CliRun run = CliRun.of(java.util.List.of("token", "--role", "reader", "--subject", subject));
      assertEquals(2, run.exit(), run::toString);
      assertTrue(run.err().contains("--subject: ") && run.err().contains(reason), run::toString);
    });
    assertEquals(0, CliRun.of(java.util.List.of("token", "--role", "reader", "--subject", "张伟 (ops)")).exit());
  }

  /**
   * A service that refused the node, or a data directory another process holds, is told in one line wherever it
   * stands among the causes, with exit code 1.
   */
  @Test
  void aRefusingServiceIsFoundAmongTheCauses() {
    var refused = new io.customerhub.app.ServiceRefused("Kafka at k:9092", new java.io.IOException("timed out"));
    assertEquals(refused, HubCommand.refusal(new java.util.concurrent.ExecutionException(new RuntimeException(refused))));
    assertEquals(null, HubCommand.refusal(new IllegalStateException("other")));
    var inUse = new io.customerhub.embedded.DataDirInUse(dir, "data directory is in use");
    assertEquals(inUse, HubCommand.refusal(new java.util.concurrent.ExecutionException(inUse)));
  }

  /** An empty labeled set started a whole hub, then failed with a NullPointerException. */
  @Test
  void anEmptyLabeledSetIsRefusedBeforeAHubStarts() throws Exception {
    Path set = Files.createDirectories(dir.resolve("empty-set"));
    Files.writeString(set.resolve("truth.csv"), "source,sourceId,entityId\n");
    Files.writeString(set.resolve("crm.ndjson"), "");
    assertRefused("nothing to evaluate (truth.csv has 0 rows, the .ndjson files 0 lines)", "eval", "--from",
        set.toString());
  }
}
