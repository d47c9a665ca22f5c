package io.customerhub.serve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.TcpProxy;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static io.customerhub.testing.HubTestNode.NDJSON;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When PostgreSQL goes away the hub says so — 503 problem+json and a failing readiness check, never a 500 or a
 * stack trace — keeps answering what its cache holds, and recovers by itself when the database is back.
 */
class DatabaseOutageIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static TcpProxy network;
  private static HubTestNode hub;

  /** The node reaches PostgreSQL through a proxy that the test cuts, as a network or server failure would. */
  @BeforeAll
  static void startNodeBehindAProxy() {
    URI direct = URI.create(TestInfra.freshDatabase());
    network = new TcpProxy(direct.getHost(), direct.getPort());
    String viaProxy = direct.getScheme() + "://" + direct.getRawUserInfo() + "@127.0.0.1:" + network.port()
        + direct.getRawPath();
    hub = HubTestNode.builder().postgresUrl(viaProxy).start();
  }

  @AfterAll
  static void stopNode() {
    if (network != null) network.restore();
    if (hub != null) hub.close();
    if (network != null) network.close();
  }

  private static void databaseGoesAway() {
    network.cut();
  }

  private static void databaseComesBack() {
    network.restore();
  }

  private static Response poll(java.util.function.Supplier<Response> request, Predicate<Response> until) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Response r = request.get();
    while (!until.test(r) && System.nanoTime() < deadline) {
      HubTestNode.sleep(200);
      r = request.get();
    }
    return r;
  }

  private static Rec customer() {
    return person("crm", uniqueId("C")).emails(uniqueEmail("outage")).updatedAt(at(0));
  }

  @Test
  void duringAnOutageTheHubAnswers503AndServesItsCacheThenRecovers() {
    Rec known = customer();
    String profileId = hub.accept(known).getString("profileId");
    hub.profile(profileId);

    databaseGoesAway();
    try {
      Response ready = poll(() -> hub.get("/health/ready", null), r -> r.status() == 503);
      assertEquals(503, ready.status(), ready::toString);
      JsonObject postgres = ready.json().getJsonObject("checks").getJsonObject("postgres");
      assertEquals("DOWN", postgres.getString("status"), ready::toString);

      Response ingest = hub.post("/api/v1/records/crm", NDJSON, customer().line() + "\n", hub.adminToken());
      assertProblem(503, ingest);
      assertProblem(503, hub.profileByKeyResponse("crm", uniqueId("not-cached")));
      assertEquals(200, hub.profileResponse(profileId).status(), "a cached profile is still served");
    } finally {
      databaseComesBack();
    }

    Response ready = poll(() -> hub.get("/health/ready", null), r -> r.status() == 200);
    assertEquals(200, ready.status(), ready::toString);
    Rec after = customer();
    Response ingest = poll(() -> hub.post("/api/v1/records/crm", NDJSON, after.line() + "\n", hub.adminToken()),
        r -> r.status() == 200);
    assertEquals(200, ingest.status(), ingest::toString);
    assertEquals("accepted", ingest.ndjson().get(0).getString("status"), ingest::toString);
  }
}
