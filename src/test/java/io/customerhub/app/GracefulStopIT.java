package io.customerhub.app;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.WireRecords;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A node told to stop answers the requests it is working on before it goes: their callers learn what committed. */
class GracefulStopIT {

  @Test
  void aStoppingNodeAnswersTheBulkRequestInFlight() throws Exception {
    String bulk = threeThousandPeople();
    HubTestNode node = HubTestNode.builder().start();
    // HTTP/1.1, as load balancers and most clients speak it: Java's client over h2c took the server's GOAWAY as a
    // failure of its stream in flight
    CompletableFuture<HttpResponse<String>> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(node.postRequest(
        "/api/v1/records/crm", "application/x-ndjson", bulk, node.adminToken()),
        HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300); // the request is being resolved
    node.closeThenCheck();

    HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), r::body);
    assertEquals(3000, r.body().lines().filter(l -> l.contains("\"accepted\"")).count(), "every line answered");
  }

  /**
   * A bulk request whose body is still arriving when the stop begins is either taken whole or not at all: never
   * stored half-way (records without their profile), which the integrity check after the stop would find.
   */
  @Test
  void aBulkRequestStillUploadingWhenTheStopBeginsIsNeverHalfStored() throws Exception {
    byte[] body = threeThousandPeople().getBytes(StandardCharsets.UTF_8);
    HubTestNode node = HubTestNode.builder().start();
    try (Socket client = new Socket("127.0.0.1", node.port())) {
      sendBulk(client, node.adminToken(), body, body.length - 100);
      // the database's integrity is checked once the node stopped: its failure fails the test
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(node::closeThenCheck);
      Thread.sleep(100);
      try {
        client.getOutputStream().write(body, body.length - 100, 100);
      } catch (IOException refused) {
        // the node let the connection go before the body was whole: nothing was taken
      }
      stopping.get(60, TimeUnit.SECONDS);
    }
  }

  /**
   * The batches of a bulk request whose client went away are finished before the node closes its database: the
   * server has no request in flight to wait for then, and the node used to close the pool under them, leaving
   * records without their profile (the integrity check at close).
   */
  @Test
  void theBatchesOfARequestWhoseClientLeftAreFinishedBeforeTheNodeStops() throws Exception {
    byte[] body = threeThousandPeople().getBytes(StandardCharsets.UTF_8);
    HubTestNode node = HubTestNode.builder().start();
    try (Socket client = new Socket("127.0.0.1", node.port())) {
      sendBulk(client, node.adminToken(), body, body.length);
      Thread.sleep(300); // the request is being resolved
    }
    node.closeThenCheck();

    try (HubTestNode next = HubTestNode.builder().postgresUrl(node.pgUrl()).start()) {
      assertEquals(3000, next.crosswalk().size(), "every record of the request was stored");
    }
  }

  /** A bulk body of 3,000 distinct people, long enough to be under way when the node is told to stop. */
  private static String threeThousandPeople() {
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < 3000; i++) records.add(WireRecords.distinctPerson("crm", "C").json());
    return WireRecords.ndjson(records);
  }

  /** Headers and the first {@code length} bytes of a bulk request of {@code body}. */
  private static void sendBulk(Socket client, String token, byte[] body, int length) throws IOException {
    client.getOutputStream().write(("POST /api/v1/records/crm HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + token + "\r\nContent-Type: application/x-ndjson\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    client.getOutputStream().write(body, 0, length);
  }

  /**
   * A load balancer checking readiness over a kept-alive connection learns that a stopping node is to be sent
   * nothing more, during the notice it is given, while liveness stays up: it used to read 200 UP until the
   * connection closed under it.
   */
  @Test
  void aStoppingNodeAnswersReadinessWith503NamingTheDrain() throws Exception {
    HubTestNode node = HubTestNode.builder().env("HUB_HTTP_DRAIN_NOTICE_SECONDS", "3").start();
    try (Socket balancer = new Socket("127.0.0.1", node.port())) {
      balancer.setSoTimeout(10_000);
      assertEquals(200, exchange(balancer, "/health/ready").status(), "ready before the stop");
      Thread stopping = new Thread(node::close, "stopping");
      stopping.start();

      // the stop has begun once the node says so; until then it may still answer 200 on this connection
      Raw ready = exchange(balancer, "/health/ready");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (ready.status() == 200 && System.nanoTime() < deadline) ready = exchange(balancer, "/health/ready");

      assertEquals(503, ready.status(), ready::body);
      JsonObject answer = new JsonObject(ready.body());
      assertEquals("DRAINING", answer.getJsonObject("checks").getJsonObject("node").getString("status"), ready::body);
      assertEquals("UP", answer.getJsonObject("checks").getJsonObject("postgres").getString("status"), ready::body);
      Raw live = exchange(balancer, "/health/live");
      assertEquals(200, live.status(), live::body);
      stopping.join(30_000);
    }
  }

  private record Raw(int status, String body) {
  }

  /** One HTTP/1.1 GET on a connection kept open across calls, as a load balancer's health checker keeps it. */
  private static Raw exchange(Socket socket, String path) throws IOException {
    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    String status = line(in);
    int length = -1;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(header.indexOf(':') + 1).strip());
      }
    }
    if (length < 0) throw new IOException("no Content-Length after '" + status + "'");
    return new Raw(Integer.parseInt(status.split(" ")[1]), new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  /** A line up to CRLF; the connection's end before one is a failure, not an empty answer. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) throw new IOException("the connection was closed");
      if (b != '\r') out.write(b);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
