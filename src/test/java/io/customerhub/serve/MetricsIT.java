package io.customerhub.serve;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import org.junit.jupiter.api.Test;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics}: the hub's own meters in Prometheus text, for a scraper's {@code monitor} role and admins. */
class MetricsIT extends OneHubPerClass {

  @Test
  void anAdminReadsTheIngestAndResolveMeters() {
    hub.accept(WireRecords.distinctPerson("crm", "C"));
    // an impossible birth date is left out, with a warning
    hub.accept(WireRecords.distinctPerson("crm", "C").birthDate("1985-02-30"));

    Response r = hub.get("/metrics", hub.adminToken());

    assertEquals(200, r.status(), r::toString);
    assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
    assertTrue(r.body().contains("hub_ingest_records_total{outcome=\"created\",source=\"crm\"}"), r.body());
    assertTrue(r.body().contains("hub_resolve_linked_records_total"), "candidates per record: linked records");
    assertTrue(r.body().contains("hub_resolve_scored_pairs_total"), "candidates per record: scored pairs");
    assertTrue(r.body().contains("hub_resolve_phase_seconds_count{phase=\"standardize\"}"), "phase timers");
    assertTrue(r.body().contains("hub_ingest_warned_records_total{source=\"crm\"}"), "records accepted with warnings");
  }

  @Test
  void otherRolesAreForbiddenAndAnonymousCallersUnauthorized() {
    assertProblem(403, hub.get("/metrics", hub.token("reader", "router", "ingest", "steward")));
    Response scraped = hub.get("/metrics", hub.token("monitor"));
    assertEquals(200, scraped.status(), scraped::toString);
    assertProblem(403, hub.get("/api/v1/crosswalk", hub.token("monitor")));
    assertProblem(401, hub.get("/metrics", null));
  }

  @Test
  void refusalsForCredentialsAreCounted() {
    double unauthorized = refused(401);
    double forbidden = refused(403);
    assertProblem(401, hub.get("/api/v1/crosswalk", null));
    assertProblem(401, hub.get("/api/v1/crosswalk", "not-a-token"));
    assertProblem(403, hub.get("/api/v1/crosswalk", hub.token("router")));
    assertEquals(unauthorized + 2, refused(401));
    assertEquals(forbidden + 1, refused(403));
  }

  private static double refused(int status) {
    return hub.counter("hub_auth_refused_total", "status=\"" + status + "\"");
  }
}
