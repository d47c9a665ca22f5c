package io.customerhub.cli;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The --rejects file holds the rejected records in the input's format, read back as the import reads them. */
class RejectedRecordsTest {

  @TempDir
  Path dir;

  @Test
  void csvRowsComeBackUnderTheHeaderAndReadAsTheyWereRead() throws Exception {
    Path input = Files.writeString(dir.resolve("in.csv"),
        "id,name,note\nA-1,\"Smith, John\",\"said \"\"hi\"\"\"\nA-2,Li,\nA-3,Wang,x\n");
    List<String> read = recordsOf(input);
    Path rejects = dir.resolve("bad.csv");
    try (RejectedRecords out = RejectedRecords.open(rejects, input)) {
      out.add(read.get(0), "line 2: name: x");
      out.add(read.get(1), "line 3: y");
    }
    assertEquals(List.of(read.get(0), read.get(1)), recordsOf(rejects), "a comma and quotes survive the round trip");
    assertEquals("id,name,note", Files.readAllLines(rejects).get(0));
    assertEquals(List.of("line 2: name: x", "line 3: y"), Files.readAllLines(RejectedRecords.reasonsOf(rejects)));
  }

  @Test
  void tsvStaysTabSeparated() throws Exception {
    Path input = Files.writeString(dir.resolve("in.tsv"), "id\tname\nT-1\tO'Brien, Pat\n");
    Path rejects = dir.resolve("bad.tsv");
    try (RejectedRecords out = RejectedRecords.open(rejects, input)) {
      out.add(recordsOf(input).get(0), "line 2: z");
    }
    assertEquals(List.of("id\tname", "T-1\tO'Brien, Pat"), Files.readAllLines(rejects));
  }

  @Test
  void ndjsonLinesAreWrittenAsTheyCameAndOneTooLongToKeepHasItsReasonOnly() throws Exception {
    Path input = Files.writeString(dir.resolve("in.ndjson"), "{\"sourceId\": \"N-1\", \"x\": [1, 2]}\n");
    Path rejects = dir.resolve("bad.ndjson");
    try (RejectedRecords out = RejectedRecords.open(rejects, input)) {
      out.add(recordsOf(input).get(0), "line 1: a");
      out.add("", "line 2: line: is 99999999 bytes");
    }
    assertEquals(List.of("{\"sourceId\": \"N-1\", \"x\": [1, 2]}"), Files.readAllLines(rejects));
    assertEquals(2, Files.readAllLines(RejectedRecords.reasonsOf(rejects)).size());
  }

  @Test
  void aJsonFilesRecordsBecomeOneLineEach() throws Exception {
    Path input = Files.writeString(dir.resolve("in.json"), "[{\"sourceId\": \"J-1\",\n \"kind\": \"person\"}]");
    Path rejects = dir.resolve("bad.ndjson");
    List<String> read = recordsOf(input);
    try (RejectedRecords out = RejectedRecords.open(rejects, input)) {
      out.add(read.get(0), "line 1: b");
    }
    assertEquals(new JsonObject(read.get(0)), new JsonObject(Files.readAllLines(rejects).get(0)));
    assertEquals(1, Files.readAllLines(rejects).size());
  }

  private static List<String> recordsOf(Path file) throws Exception {
    List<String> records = new ArrayList<>();
    try (FileRecords in = new FileRecords(file, 1 << 20)) {
      in.forEachRemaining(records::add);
    }
    return records;
  }
}
