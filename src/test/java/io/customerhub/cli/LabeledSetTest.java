package io.customerhub.cli;

import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabeledSetTest {

  @TempDir
  Path dir;

  @Test
  void readsEachSourcesLinesWithOrdersLastAndTheTruth() throws Exception {
    Files.writeString(dir.resolve("orders.ndjson"), "{\"o\":1}\n");
    Files.writeString(dir.resolve("erp.ndjson"), "{\"e\":1}\n\n{\"e\":2}\n");
    Files.writeString(dir.resolve("crm.ndjson"), "{\"c\":1}\n");
    Files.writeString(dir.resolve("notes.txt"), "not a source");
    Files.writeString(dir.resolve("truth.csv"), "source,sourceId,entityId\ncrm,C-1,E1\nerp,E-1,E1\nerp,\"E,2\",E2\n");

    LabeledSet set = LabeledSet.read(dir);

    assertEquals(List.of("crm", "erp", "orders"), List.copyOf(set.lines().keySet()), "customers first, orders last");
    assertEquals(List.of("{\"e\":1}", "{\"e\":2}"), set.lines().get("erp"), "blank lines are not records");
    assertEquals(3, set.truth().size());
    assertEquals("E2", set.truth().get(new SourceKey("erp", "E,2")), "quoted CSV fields");
  }

  /** Found by fuzzing: a record labeled twice was counted by its last label without a word. */
  @Test
  void aRecordLabeledTwiceOtherwiseIsRefusedNamingBothLines() throws Exception {
    Files.writeString(dir.resolve("crm.ndjson"), "{}\n");
    Files.writeString(dir.resolve("truth.csv"), "source,sourceId,entityId\ncrm,C-1,E1\ncrm,C-2,E2\ncrm,C-1,E1\n");
    assertEquals(2, LabeledSet.read(dir).truth().size(), "the same label twice is harmless");

    Files.writeString(dir.resolve("truth.csv"), "source,sourceId,entityId\ncrm,C-1,E1\ncrm,C-2,E2\ncrm,C-1,E3\n");
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(twice.getMessage().endsWith("truth.csv: line 4 labels crm C-1 E3, line 2 E1"), twice.getMessage());
  }

  @Test
  void namesWhatIsMissing() throws Exception {
    Files.writeString(dir.resolve("crm.ndjson"), "{}\n");
    IllegalArgumentException noTruth = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(noTruth.getMessage().contains("truth.csv"), noTruth.getMessage());

    Files.writeString(dir.resolve("truth.csv"), "source,id,entity\ncrm,C-1,E1\n");
    IllegalArgumentException badHeader = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(badHeader.getMessage().contains("sourceId"), badHeader.getMessage());

    Files.delete(dir.resolve("crm.ndjson"));
    Files.writeString(dir.resolve("truth.csv"), "source,sourceId,entityId\n");
    IllegalArgumentException noRecords = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(noRecords.getMessage().contains(".ndjson"), noRecords.getMessage());
  }

  @Test
  void aFileWhoseNameIsNoSourceNameOrThatIsNoFileIsRefusedNamingIt() throws Exception {
    Files.writeString(dir.resolve("truth.csv"), "source,sourceId,entityId\n");
    Files.writeString(dir.resolve("bad name.ndjson"), "{}\n");
    IllegalArgumentException named = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(named.getMessage().contains("'bad name' is no source name"), named.getMessage());
    Files.delete(dir.resolve("bad name.ndjson"));
    Files.createDirectory(dir.resolve("crm.ndjson"));
    IllegalArgumentException notAFile = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(notAFile.getMessage().endsWith("crm.ndjson: not a file"), notAFile.getMessage());
  }

  @Test
  void evalRefusesADirectoryWithoutTruthWithoutStartingAHub() {
    StringWriter err = new StringWriter();
    int code = HubCommand.commandLine().setErr(new PrintWriter(err, true)).execute("eval", "--from", dir.toString());
    assertEquals(CommandLine.ExitCode.USAGE, code);
    assertTrue(err.toString().startsWith("hub eval: ") && err.toString().contains("truth.csv"), err.toString());
  }

  @Test
  void namesTheFileAndLineOfAMalformedTruth() throws Exception {
    Files.writeString(dir.resolve("crm.ndjson"), "{}\n");
    Files.writeString(dir.resolve("truth.csv"), "source,sourceId,entityId\ncrm,C-1\n");
    IllegalArgumentException shortRow = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(shortRow.getMessage().contains("truth.csv: line 2 has 2 fields"), shortRow.getMessage());

    Files.writeString(dir.resolve("truth.csv"), "source,sourceId,entityId\n\"crm,C-1,E1\n");
    IllegalArgumentException openQuote = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(openQuote.getMessage().contains("truth.csv: "), openQuote.getMessage());

    Files.write(dir.resolve("truth.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    IllegalArgumentException binary = assertThrows(IllegalArgumentException.class, () -> LabeledSet.read(dir));
    assertTrue(binary.getMessage().contains("not UTF-8"), binary.getMessage());

    IllegalArgumentException notDir = assertThrows(IllegalArgumentException.class,
        () -> LabeledSet.read(dir.resolve("crm.ndjson")));
    assertTrue(notDir.getMessage().endsWith("not a directory"), notDir.getMessage());
  }
}
