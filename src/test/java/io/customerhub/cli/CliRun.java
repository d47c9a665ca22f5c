package io.customerhub.cli;

import io.customerhub.testing.HubTestNode;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code bin/hub} command run in this JVM against a test hub: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

  /**
   * Runs {@code command} with a configuration that signs tokens as the test hubs check them, against the hub on
   * {@code port}, then {@code args}.
   */
  static CliRun of(Path dir, int port, String command, List<String> args) throws IOException {
    return of(dir, "http://127.0.0.1:" + port, new JsonObject(), command, args);
  }

  /** The same against the hub at {@code url}, with more of the configuration (e.g. its {@code http} settings). */
  static CliRun of(Path dir, String url, JsonObject config, String command, List<String> args) throws IOException {
    Path conf = Files.writeString(dir.resolve("hub.json"), config.copy()
        .put("auth", new JsonObject().put("jwtSecret", HubTestNode.JWT_SECRET)).encode());
    List<String> all = new ArrayList<>(List.of(command, "--config", conf.toString(), "--url", url));
    all.addAll(args);
    return of(all);
  }

  /** Runs {@code bin/hub} with {@code args} as they are, the command first: one that starts a node of its own. */
  static CliRun of(List<String> args) {
    PrintStream stdout = System.out, stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    StringWriter picocliErr = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = HubCommand.commandLine().setErr(new PrintWriter(picocliErr, true))
          .execute(args.toArray(String[]::new));
      return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + picocliErr);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }
}
