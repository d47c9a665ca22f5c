package io.customerhub.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sources are named by callers: their labels are bounded, so that a loop over names cannot grow memory. */
class HubMetricsTest {

  @Test
  void sourcesPastTheCapAreCountedAsOther() {
    HubMetrics metrics = HubMetrics.detached();
    for (int i = 0; i < HubMetrics.MAX_SOURCE_LABELS + 50; i++) metrics.ingested("src" + i, "accepted").increment();
    metrics.ingested("src0", "accepted").increment();

    assertEquals(2.0, metrics.registry().get("hub.ingest.records").tag("source", "src0").counter().count());
    assertEquals(50.0, metrics.registry().get("hub.ingest.records").tag("source", "other").counter().count());
    assertEquals(HubMetrics.MAX_SOURCE_LABELS + 1, metrics.registry().get("hub.ingest.records").counters().size());
  }
}
