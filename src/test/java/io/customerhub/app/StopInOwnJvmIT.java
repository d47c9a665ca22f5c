package io.customerhub.app;

import io.customerhub.serve.Auth;
import io.customerhub.testing.WireRecords;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/hub start} in a JVM of its own, with the embedded PostgreSQL, stopped with SIGTERM while a bulk request
 * is being resolved: the request is answered whole, and PostgreSQL stops after the node. The library that runs the
 * embedded server stopped it from an exit hook of its own, at once, while the node still drained its batches; the
 * in-JVM tests, on a shared server, could not see it.
 */
class StopInOwnJvmIT {

  private static final String SECRET = "stop-in-own-jvm-" + "x".repeat(40);

  @TempDir
  Path dir;

  @Test
  void sigtermWhileABulkRequestIsResolvedAnswersItWholeAndStopsPostgresqlLast() throws Exception {
    int port = freePort();
    Path log = dir.resolve("hub.log");
    Process hub = start(port, log);
    try {
      awaitListening(hub, log);
      List<Object> people = new ArrayList<>();
      for (int i = 0; i < 3000; i++) people.add(WireRecords.distinctPerson("crm", "C").json());
      HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/records/crm"))
          .header("Authorization", "Bearer " + token()).header("Content-Type", "application/x-ndjson")
          .POST(HttpRequest.BodyPublishers.ofString(WireRecords.ndjson(people))).build();
      CompletableFuture<HttpResponse<String>> answer = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1).build().sendAsync(post, HttpResponse.BodyHandlers.ofString());
      Thread.sleep(500); // the request is being resolved

      hub.destroy(); // SIGTERM

      HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), r::body);
      assertEquals(3000, r.body().lines().filter(l -> l.contains("\"accepted\"")).count(),
          () -> "every line accepted: " + r.body().lines().filter(l -> !l.contains("\"accepted\"")).findFirst()
              .orElse("") + "\n" + tail(log));
      assertTrue(hub.waitFor(60, TimeUnit.SECONDS), () -> "the node stopped: " + tail(log));
      assertFalse(Files.exists(dir.resolve("pg").resolve("postmaster.pid")), () -> "PostgreSQL stopped: " + tail(log));
      assertFalse(Files.readString(log).contains("connection may have been lost"), () -> tail(log));
    } finally {
      hub.destroyForcibly();
    }
  }

  /** As {@code bin/hub start} runs it: the test JVM's classpath and module flags, a cluster of its own. */
  private Process start(int port, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-")) command.add(arg);
    }
    command.addAll(List.of("-Xmx1g", "-Dhub.home=" + Path.of("").toAbsolutePath(), "-cp",
        System.getProperty("java.class.path"), "io.customerhub.cli.HubCommand", "start", "--port",
        Integer.toString(port)));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("HUB_DATA_DIR", dir.toString());
    pb.environment().put("HUB_JWT_SECRET", SECRET);
    pb.environment().put("HUB_HAZELCAST_CLUSTER_NAME", "stop-" + UUID.randomUUID());
    pb.environment().remove("HUB_PG_URL");
    pb.environment().remove("HUB_KAFKA_BOOTSTRAP");
    return pb.start();
  }

  private static void awaitListening(Process hub, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("Customer Hub listening on")) return;
      if (!hub.isAlive()) throw new AssertionError("the node did not start: " + tail(log));
      Thread.sleep(200);
    }
    throw new AssertionError("the node did not start within 120 s: " + tail(log));
  }

  private static String token() {
    Vertx vertx = Vertx.vertx();
    try {
      return new Auth(vertx, SECRET, "customer-hub").token("stop-test", List.of("ingest"), 10);
    } finally {
      vertx.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
