package io.customerhub.cli;

import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/hub models} against a running hub: the versions listed, an earlier one put back. */
class ModelsCommandIT extends OneHubPerClass {

  @TempDir
  Path dir;

  @Test
  void listsTheVersionsAndRestoresAnEarlierOne() throws Exception {
    for (Rec r : WireRecords.customersWithErpCopies(12, 3)) hub.accept(r);
    assertEquals(0, CliRun.of(dir, hub.port(), "train", List.of()).exit());
    assertEquals(0, CliRun.of(dir, hub.port(), "train", List.of()).exit());

    CliRun restore = CliRun.of(dir, hub.port(), "models", List.of("--restore", "1", "--note", "version 2 split couples"));

    assertEquals(0, restore.exit(), restore::toString);
    assertTrue(restore.out().contains("match model version 1 restored as version 3, pinned"), restore.out());
    CliRun list = CliRun.of(dir, hub.port(), "models", List.of());
    assertEquals(0, list.exit(), list::toString);
    String[] lines = list.out().split("\n");
    assertTrue(lines[1].trim().startsWith("3 ") && lines[1].contains("from 1") && lines[1].contains("yes")
        && lines[1].contains("version 2 split couples"), list.out());
    assertTrue(lines[2].trim().startsWith("2 ") && lines[3].trim().startsWith("1 "), list.out());
    assertTrue(list.out().contains("in use on the hub that answered: version 3"), list.out());
  }

  @Test
  void aRestoreWithoutANoteOrOfAnUnknownVersionIsRefused() throws Exception {
    CliRun noNote = CliRun.of(dir, hub.port(), "models", List.of("--restore", "0"));
    assertEquals(2, noNote.exit(), noNote::toString);
    assertTrue(noNote.err().contains("--restore needs --note"), noNote.err());

    CliRun unknown = CliRun.of(dir, hub.port(), "models", List.of("--restore", "999", "--note", "x"));
    assertEquals(1, unknown.exit(), unknown::toString);
    assertTrue(unknown.err().contains("no match model version 999 is stored"), unknown.err());

    CliRun unpinnedDays = CliRun.of(dir, hub.port(), "models",
        List.of("--restore", "0", "--note", "x", "--no-pin", "--pin-days", "3"));
    assertEquals(2, unpinnedDays.exit(), unpinnedDays::toString);
    assertTrue(unpinnedDays.err().contains("--pin-days goes with --restore, without --no-pin"), unpinnedDays.err());
  }

  @Test
  void tellsHowAVersionAgreesWithTheStewards() throws Exception {
    CliRun run = CliRun.of(dir, hub.port(), "models", List.of("--agreement", "0"));
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().contains("model version 0 against the 0 newest pairs stewards decided"), run.out());
    CliRun unknown = CliRun.of(dir, hub.port(), "models", List.of("--agreement", "999"));
    assertEquals(1, unknown.exit(), unknown::toString);
  }
}
