package io.customerhub.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import files read as records, one line of JSON each, with the file line each one is found at. */
class FileRecordsTest {

  @TempDir
  Path dir;

  private record Read(List<String> records, List<Long> lines, List<Long> bytes, List<Boolean> tooLong) {
  }

  private Read read(String name, String content) throws Exception {
    return read(name, content, Long.MAX_VALUE);
  }

  private Read read(String name, String content, long maxLineBytes) throws Exception {
    Path file = Files.writeString(dir.resolve(name), content);
    List<String> records = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<Long> bytes = new ArrayList<>();
    List<Boolean> tooLong = new ArrayList<>();
    try (FileRecords r = new FileRecords(file, maxLineBytes)) {
      while (r.hasNext()) {
        records.add(r.next());
        lines.add(r.line());
        bytes.add(r.bytes());
        tooLong.add(r.tooLong());
      }
    }
    return new Read(records, lines, bytes, tooLong);
  }

  @Test
  void aPrettyPrintedJsonArrayIsReadElementByElement() throws Exception {
    Read r = read("export.json", """
        [
          {
            "sourceId": "C-1",
            "givenName": "Ana"
          },
          {"sourceId": "C-2", "givenName": "李"},
          7
        ]
        """);
    assertEquals(List.of("{\"sourceId\":\"C-1\",\"givenName\":\"Ana\"}", "{\"sourceId\":\"C-2\",\"givenName\":\"李\"}", "7"),
        r.records());
    assertEquals(List.of(2L, 6L, 7L), r.lines());
  }

  /** Found by fuzzing: one record nested 5,000 deep refused the whole file, and the records after it with it. */
  @Test
  void aRecordNestedDeeperThanTheHubReadsIsHandedOnAloneAsTooDeep() throws Exception {
    String deep = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
    String atTheLimit = "[".repeat(FileRecords.MAX_DEPTH - 1) + "]".repeat(FileRecords.MAX_DEPTH - 1);
    Path file = Files.writeString(dir.resolve("deep.json"),
        "[{\"sourceId\": \"C-1\"},\n" + deep + ",\n{\"sourceId\": \"C-2\", \"x\": " + atTheLimit + "}]");
    List<String> records = new ArrayList<>();
    List<Boolean> tooDeep = new ArrayList<>();
    try (FileRecords r = new FileRecords(file, Long.MAX_VALUE)) {
      while (r.hasNext()) {
        records.add(r.next());
        tooDeep.add(r.tooDeep());
      }
    }
    assertEquals(List.of(false, true, false), tooDeep);
    assertEquals("", records.get(1));
    assertTrue(records.get(2).startsWith("{\"sourceId\":\"C-2\""), "a record as deep as the hub reads is kept");
  }

  @Test
  void jsonObjectsOneAfterAnotherAreRecordsToo() throws Exception {
    Read r = read("dump.json", "\uFEFF{\"sourceId\": \"C-1\"}\n{\n  \"sourceId\": \"C-2\"\n}\n");
    assertEquals(List.of("{\"sourceId\":\"C-1\"}", "{\"sourceId\":\"C-2\"}"), r.records());
    assertEquals(List.of(1L, 2L), r.lines());
  }

  @Test
  void numbersPassAsWrittenNotThroughADouble() throws Exception {
    Read r = read("orders.json", "[{\"amount\": 12345678901234567.89, \"tax\": 0.1, \"qty\": 123456789012345678901}]");
    String record = r.records().get(0);
    assertTrue(record.contains("12345678901234567.89") && record.contains("0.1")
        && record.contains("123456789012345678901"), record);
  }

  @Test
  void aNanInAJsonFileGoesOnAsInAnNdjsonFileForTheHubToReadAsMissing() throws Exception {
    // pandas writes a missing value as NaN, in an array as in NDJSON
    Read r = read("frame.json", "[{\"sourceId\": \"C-1\", \"birth_date\": NaN, \"score\": Infinity}]");
    String record = r.records().get(0);
    assertTrue(record.contains("\"birth_date\":NaN") && record.contains("Infinity"), record);
    assertTrue(io.customerhub.ingest.LenientJson.parse(record).warnings().size() == 2, record);
  }

  @Test
  void aJsonSyntaxErrorSaysWhyWithoutTheParsersPlace() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("broken.json", "[\n {\"sourceId\": \"C-1\"},\n {\"sourceId\": nope}\n]"));
    assertTrue(e.getMessage().startsWith("line 3: is not valid JSON"), e.getMessage());
    assertFalse(e.getMessage().contains("Source:"), e.getMessage());
  }

  @Test
  void aJsonSyntaxErrorNamesItsLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("broken.json", "[\n {\"sourceId\": \"C-1\"},\n {\"sourceId\": }\n]"));
    assertTrue(e.getMessage().startsWith("line 3: is not valid JSON"), e.getMessage());
  }

  /**
   * commons-csv and Jackson hold a record whole while they parse it: a quote left open made the rest of a CSV file
   * one value, and a .json object of gigabytes was read whole, until the import ran out of memory. A record that
   * runs on past the budget refuses the file, naming the line after which it starts.
   */
  @Test
  void aRecordThatRunsOnPastTheBudgetRefusesTheFile() throws Exception {
    String rows = "name,email\nAna,ana@example.com\n\"Bo,bo@example.com\n" + "Cy,cy@example.com\n".repeat(3000);
    Path csv = Files.writeString(dir.resolve("open-quote.csv"), rows);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
      try (FileRecords r = new FileRecords(csv, 0, 20_000)) {
        while (r.hasNext()) r.next();
      }
    });
    assertEquals("after line 2: a record runs on for more than 20000 characters (a quote or a bracket left open?)",
        e.getMessage());

    String objects = "[\n {\"sourceId\": \"C-1\"},\n {\"notes\": [" + "\"x\",".repeat(10_000) + "\"y\"]}\n]";
    Path json = Files.writeString(dir.resolve("huge.json"), objects);
    e = assertThrows(IllegalArgumentException.class, () -> {
      try (FileRecords r = new FileRecords(json, 0, 20_000)) {
        while (r.hasNext()) r.next();
      }
    });
    assertTrue(e.getMessage().startsWith("after line 2: a record runs on for more than 20000 characters"),
        e.getMessage());

    // within the budget, a file many times its size is read as before (the budget is per record)
    Path fine = Files.writeString(dir.resolve("fine.csv"), "name,email\n" + "Cy,cy@example.com\n".repeat(3000));
    try (FileRecords r = new FileRecords(fine, 0, 20_000)) {
      int n = 0;
      for (; r.hasNext(); r.next()) n++;
      assertEquals(3000, n);
    }
  }

  /** Jackson refuses a string of over 20 million characters without saying where: the error still names a line. */
  @Test
  void aStringOverJacksonsLimitNamesItsLine() {
    String huge = "x".repeat(20_000_001);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("huge.json", "[\n {\"sourceId\": \"C-1\"},\n {\"note\": \"" + huge + "\"}\n]"));
    assertTrue(e.getMessage().startsWith("line 3: is not valid JSON (String value length"), e.getMessage());
  }

  /**
   * What follows the top-level array would never be read: two exports pasted together, or a record written after the
   * closing bracket, would lose records without a word. The file is refused, naming the line it starts on.
   */
  @Test
  void contentAfterTheTopLevelArrayRefusesTheFileNamingItsLine() throws Exception {
    for (String after : new String[] {" {\"x\":1}", "\n\n  garbage\n", "\n[{\"sourceId\": \"C-2\"}]", "]", "\n\n 7"}) {
      String content = "[\n {\"sourceId\": \"C-1\"}\n]" + after;
      long line = 3 + after.chars().filter(c -> c == '\n').count() - (after.endsWith("\n") ? 1 : 0);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("pasted.json", content),
          content);
      assertEquals("line " + line + ": is not valid JSON (content after the end of the top-level array)",
          e.getMessage(), content);
    }
    Read r = read("export.json", "[\n {\"sourceId\": \"C-1\"}\n]\n \t\r\n\n");
    assertEquals(List.of("{\"sourceId\":\"C-1\"}"), r.records(), "whitespace after the array is fine");
  }

  @Test
  void ndjsonLinesAreCountedWithTheBlankOnes() throws Exception {
    Read r = read("people.ndjson", "{\"a\":1}\n\n  \n{\"a\":2}\r\n{\"a\":3}");
    assertEquals(List.of(1L, 4L, 5L), r.lines());
  }

  /**
   * A corrupt file's one line of gigabytes was read whole (BufferedReader.readLine) and ended the import with an
   * OutOfMemoryError, only to be rejected as larger than a request. It is read through, counted but not kept, and the
   * lines after it are read as before, with their line numbers.
   */
  @Test
  void anNdjsonLineLongerThanTheLimitIsReadThroughNotKept() throws Exception {
    String huge = "{\"sourceId\": \"C-2\", \"note\": \"" + "\u5317".repeat(300_000) + "\"}";
    Read r = read("corrupt.ndjson", "\uFEFF{\"a\":1}\n" + huge + "\r\n\n{\"a\":3}\r{\"a\":4}\n", 100);
    assertEquals(List.of("{\"a\":1}", "", "{\"a\":3}", "{\"a\":4}"), r.records());
    assertEquals(List.of(1L, 2L, 4L, 5L), r.lines());
    assertEquals(List.of(false, true, false, false), r.tooLong());
    assertEquals(List.of(7L, (long) huge.getBytes(StandardCharsets.UTF_8).length, 7L, 7L), r.bytes(),
        "a line not kept is still measured");

    Read atTheEnd = read("cut.ndjson", "{\"a\":1}\n" + "x".repeat(50_000), 100);
    assertEquals(List.of("{\"a\":1}", ""), atTheEnd.records());
    assertEquals(List.of(false, true), atTheEnd.tooLong());
    assertEquals(List.of(7L, 50_000L), atTheEnd.bytes());
  }

  @Test
  void theLimitIsInBytesAndALineOfExactlyTheLimitIsKept() throws Exception {
    String fits = "{\"n\":\"" + "é".repeat(46) + "\"}"; // 8 + 92 bytes
    Read r = read("edge.ndjson", fits + "\n" + fits.replace("é\"", "éx\"") + "\n" + "x".repeat(100) + "\n", 100);
    assertEquals(List.of(fits, "", "x".repeat(100)), r.records());
    assertEquals(List.of(false, true, false), r.tooLong());
    assertEquals(List.of(100L, 101L, 100L), r.bytes());
  }

  /** A line too long to keep may still be white space only, which is no record, as a blank line of any length. */
  @Test
  void aBlankLineLongerThanTheLimitIsSkippedLikeAnyBlankLine() throws Exception {
    Read r = read("spaces.ndjson", "{\"a\":1}\n" + " \t".repeat(40_000) + "\n{\"a\":2}\n" + " ".repeat(500), 10);
    assertEquals(List.of("{\"a\":1}", "{\"a\":2}"), r.records());
    assertEquals(List.of(1L, 3L), r.lines());
  }

  /** The import's counting pass keeps no line's text: every record comes as "", on the same lines as when kept. */
  @Test
  void aLimitOfZeroKeepsNoLineButFindsTheSameRecords() throws Exception {
    String content = "{\"a\":1}\n\n  \n{\"a\":2}\r\n{\"a\":3}";
    Read r = read("count.ndjson", content, 0);
    assertEquals(List.of("", "", ""), r.records());
    assertEquals(read("count.ndjson", content).lines(), r.lines());
  }

  @Test
  void aCsvRowIsNamedByTheLineItEndsOn() throws Exception {
    Read r = read("people.csv", "sourceId,note\nC-1,\"two\nlines\"\n\nC-2,x\n");
    assertEquals(2, r.records().size());
    assertEquals(List.of(3L, 5L), r.lines());
  }

  @Test
  void aCsvRowOfSeparatorsAloneIsABlankLine() throws Exception {
    // a spreadsheet's export ends in rows of empty cells: no records, nothing to reject
    Read r = read("sheet.csv", "sourceId,note\nC-1,x\n,\n , \nC-2,y\n,,\n,\n");
    assertEquals(List.of("{\"sourceId\":\"C-1\",\"note\":\"x\"}", "{\"sourceId\":\"C-2\",\"note\":\"y\"}"),
        r.records(), "spaces around the separators are no values either");
    assertEquals(List.of(2L, 5L), r.lines());
  }
}
