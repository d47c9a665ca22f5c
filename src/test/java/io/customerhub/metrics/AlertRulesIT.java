package io.customerhub.metrics;

import io.customerhub.testing.OneKafkaHubPerClass;
import io.customerhub.testing.WireRecords;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alerting rules shipped in docker/prometheus/alerts.yml name meters a running hub exposes: a meter renamed in
 * the code would otherwise leave a rule that silently never fires. The hub here consumes and publishes on Kafka, so
 * that the outbox's, the dead letters' and the Kafka clients' meters are there too.
 */
class AlertRulesIT extends OneKafkaHubPerClass {

  private static final Path RULES = Path.of("docker/prometheus/alerts.yml");
  private static final Pattern METRIC = Pattern.compile("\\b((?:hub|kafka)_[a-z0-9_]+)\\b");

  @Test
  void everyMeterARuleNamesIsExposed() throws Exception {
    hub.accept(WireRecords.distinctPerson("crm", "C"));
    kafka.send(names.sourceTopic("crm"), "bad", "this is no JSON");
    String scraped = awaitScrape("hub_ingest_dead_letters_total");
    // a meter of a feature this node does not use (an identity provider): registered as the node would register it
    HubMetrics oidc = HubMetrics.prometheus();
    oidc.providerKeyFetches("failed");
    String exposed = scraped + oidc.scrape();

    Set<String> named = namedMeters();
    assertTrue(named.size() >= 10, "the rules name the hub's meters: " + named);
    Set<String> missing = new TreeSet<>();
    for (String meter : named) {
      if (!Pattern.compile("(?m)^" + meter + "[{ ]").matcher(exposed).find()) missing.add(meter);
    }
    assertEquals(Set.of(), missing, "meters the rules name that /metrics does not expose");
  }

  private static Set<String> namedMeters() throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(Files.readString(RULES));
    while (m.find()) names.add(m.group(1));
    return names;
  }

  /** The node's /metrics once it shows {@code meter} (a dead letter takes the consumer's next poll). */
  private static String awaitScrape(String meter) throws InterruptedException {
    long deadline = System.nanoTime() + 45_000_000_000L;
    while (true) {
      String body = hub.get("/metrics", hub.token("monitor")).body();
      if (Pattern.compile("(?m)^" + meter + "[{ ]").matcher(body).find()
          && body.contains("kafka_consumer_fetch_manager_records_lag_max")) {
        return body;
      }
      if (System.nanoTime() > deadline) throw new AssertionError(meter + " never showed in /metrics:\n" + body);
      Thread.sleep(250);
    }
  }
}
