package io.customerhub.cli;

import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/hub export} against a running hub: every active profile, one a line, to a file or standard output. */
class ExportCommandIT extends OneHubPerClass {

  @TempDir
  Path dir;

  @Test
  void writesEveryActiveProfileOnceAsTheApiAnswersIt() throws Exception {
    String one = hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId");
    String two = hub.accept(WireRecords.distinctPerson("erp", "E")).getString("profileId");
    Path file = dir.resolve("profiles.ndjson");

    CliRun run = CliRun.of(dir, hub.port(), "export", List.of("--out", file.toString()));

    assertEquals(0, run.exit(), run::toString);
    List<JsonObject> lines = Files.readAllLines(file).stream().map(JsonObject::new).toList();
    Set<String> ids = lines.stream().map(p -> p.getString("profileId")).collect(Collectors.toSet());
    assertEquals(lines.size(), ids.size(), "no profile twice");
    assertTrue(ids.containsAll(Set.of(one, two)), ids::toString);
    assertEquals(hub.profile(one), lines.stream().filter(p -> p.getString("profileId").equals(one)).findFirst()
        .orElseThrow());
    assertFalse(Files.exists(dir.resolve("profiles.ndjson.partial")), "renamed once whole");
    assertTrue(run.err().contains("exported " + lines.size() + " profiles to"), run.err());

    CliRun toStdout = CliRun.of(dir, hub.port(), "export", List.of());
    assertEquals(0, toStdout.exit(), toStdout::toString);
    assertEquals(lines.size(), toStdout.out().lines().count(), toStdout.out());
  }

  @Test
  void aRiskCodeTheHubDoesNotKnowFailsNamingItAndLeavesNoFile() throws Exception {
    Path file = dir.resolve("tagged.ndjson");
    CliRun run = CliRun.of(dir, hub.port(), "export", List.of("--risk", "NO_SUCH_TAG", "--out", file.toString()));
    assertEquals(1, run.exit(), run::toString);
    assertTrue(run.err().contains("risk: 'NO_SUCH_TAG' is none of"), run.err());
    assertFalse(Files.exists(file));
    assertFalse(Files.exists(dir.resolve("tagged.ndjson.partial")));
  }

  @Test
  void aTokenFileMakesEachExportAfterTheFirstOneOfTheChanges() throws Exception {
    String before = hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId");
    Path tokens = dir.resolve("hub.token");
    Path whole = dir.resolve("whole.ndjson");
    CliRun first = CliRun.of(dir, hub.port(), "export", List.of("--out", whole.toString(), "--token-file",
        tokens.toString()));
    assertEquals(0, first.exit(), first::toString);
    assertTrue(Files.readAllLines(whole).stream().map(JsonObject::new).anyMatch(p -> p.getString("profileId")
        .equals(before)), "no token yet: every profile");
    String token = Files.readString(tokens).strip();
    assertTrue(token.startsWith("c1."), token);
    assertTrue(first.err().contains("delta token: " + token), first.err());

    String added = hub.accept(WireRecords.distinctPerson("erp", "E")).getString("profileId");
    Path delta = dir.resolve("delta.ndjson");
    CliRun second = CliRun.of(dir, hub.port(), "export", List.of("--out", delta.toString(), "--token-file",
        tokens.toString()));

    assertEquals(0, second.exit(), second::toString);
    List<JsonObject> lines = Files.readAllLines(delta).stream().map(JsonObject::new).toList();
    assertEquals(List.of(hub.profile(added)), lines, "only what was written since the first");
    assertFalse(token.equals(Files.readString(tokens).strip()), "the token moved on");
    CliRun third = CliRun.of(dir, hub.port(), "export", List.of("--changed-since", Files.readString(tokens).strip()));
    assertEquals(0, third.exit(), third::toString);
    assertEquals("", third.out(), "nothing since the second");
  }

  @Test
  void aTokenTheHubCannotAnswerFailsSayingToExportEverythingAndKeepsTheTokenFile() throws Exception {
    Path tokens = dir.resolve("other.token");
    Files.writeString(tokens, "c1.42.1000\n");
    Path file = dir.resolve("delta.ndjson");
    CliRun run = CliRun.of(dir, hub.port(), "export", List.of("--out", file.toString(), "--token-file",
        tokens.toString()));
    assertEquals(1, run.exit(), run::toString);
    assertTrue(run.err().contains("export every profile again"), run.err());
    assertEquals("c1.42.1000\n", Files.readString(tokens), "left as it was");
    assertFalse(Files.exists(file));

    CliRun both = CliRun.of(dir, hub.port(), "export", List.of("--changed-since", "c1.1.1", "--token-file",
        tokens.toString()));
    assertEquals(2, both.exit(), both::toString);
  }
}
