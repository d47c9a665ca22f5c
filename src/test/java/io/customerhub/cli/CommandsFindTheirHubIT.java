package io.customerhub.cli;

import io.customerhub.testing.HubTestNode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands without {@code --url} go to the hub of their data directory, wherever it listens: a new user's hub
 * started with {@code --port 8351} was passed by, and the import died with a stack trace trying to start a second
 * node on the same directory (or sent the records to another hub answering on the configured port).
 */
class CommandsFindTheirHubIT {

  @TempDir
  Path dir;

  @Test
  void anImportWithoutUrlGoesToTheNodeOfItsDataDirectory() throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("data"));
    HubTestNode hub = HubTestNode.builder().dataDir(dataDir).start();
    try {
      assertEquals("http://127.0.0.1:" + hub.port(), Files.readString(dataDir.resolve("node.url")).strip());
      String source = "near" + UUID.randomUUID().toString().substring(0, 8);
      Path file = Files.write(dir.resolve("people.ndjson"), List.of(
          "{\"sourceId\": \"N-1\", \"kind\": \"person\", \"givenName\": \"Ana\", \"familyName\": \"Nearby\"}",
          "{\"sourceId\": \"N-2\", \"kind\": \"person\", \"givenName\": \"Bo\", \"familyName\": \"Nearby\"}"));

      // the configured port answers nothing: only the address file leads to the hub
      CliRun run = run(dataDir, "import", "--source", source, file.toString());
      assertEquals(0, run.exit(), run::toString);
      assertFalse(run.err().contains("starting a local node"), run::toString);
      assertTrue(hub.crosswalkAsItIs().keySet().containsAll(List.of(source + ":N-1", source + ":N-2")),
          hub.crosswalkAsItIs()::toString);

      CliRun reresolve = run(dataDir, "reresolve");
      assertEquals(0, reresolve.exit(), reresolve::toString);
      assertFalse(reresolve.err().contains("starting a local node"), reresolve::toString);
    } finally {
      hub.close();
    }
    assertFalse(Files.exists(dataDir.resolve("node.url")), "a node that stopped cleanly takes its address away");
  }

  /**
   * A directory another process holds (a hub still starting, or one started without the address file) while no hub
   * answers for it: one line naming the directory and --url, exit code 1, for every command that would start a node.
   */
  @Test
  void aDataDirectoryInUseWithoutAnAnsweringHubIsToldInOneLine() throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("held"));
    // left by a node that was killed: its port answers nothing now
    Files.writeString(dataDir.resolve("node.url"), "http://127.0.0.1:" + freePort() + "\n");
    Path file = Files.write(dir.resolve("one.ndjson"), List.of("{\"sourceId\": \"H-1\", \"kind\": \"person\"}"));
    try (FileChannel channel = FileChannel.open(dataDir.resolve("pg.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock held = channel.lock()) {
      for (List<String> command : List.of(List.of("import", "--source", "crm", file.toString()), List.of("train"),
          List.of("reresolve"))) {
        CliRun run = run(dataDir, command.toArray(String[]::new));
        assertEquals(1, run.exit(), run::toString);
        String told = "hub " + command.get(0) + ": data directory " + dataDir + " is in use by another process, but no "
            + "hub answers for it";
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith(told) && l.contains("--url")), run::toString);
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run::toString);
      }
    }
  }

  /**
   * {@code command} with a copy of {@code conf/} whose hub.json names {@code dataDir}, a port nobody answers on and
   * the test hubs' signing key; without {@code --url}.
   */
  private CliRun run(Path dataDir, String... command) throws IOException {
    Path conf = dir.resolve("conf-" + UUID.randomUUID());
    HubTestNode.copyConf(Path.of("conf"), conf);
    JsonObject config = new JsonObject(Files.readString(conf.resolve("hub.json")));
    config.getJsonObject("http").put("port", freePort());
    config.getJsonObject("auth").put("jwtSecret", HubTestNode.JWT_SECRET);
    config.getJsonObject("data").put("dir", dataDir.toString());
    Files.writeString(conf.resolve("hub.json"), config.encodePrettily());
    List<String> args = new ArrayList<>(List.of(command[0], "--config", conf.resolve("hub.json").toString()));
    args.addAll(List.of(command).subList(1, command.length));
    return CliRun.of(args);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
