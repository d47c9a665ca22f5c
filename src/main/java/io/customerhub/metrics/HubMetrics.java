package io.customerhub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The hub's own meters, one registry per node, scraped in Prometheus format from {@code /metrics}. Names are
 * the stable part: dashboards and the benchmarks read them.
 */
public final class HubMetrics {

  private final MeterRegistry registry;

  private HubMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public static HubMetrics prometheus() {
    return new HubMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Meters that are counted but never exported, for code used outside a node (tools, unit tests). */
  public static HubMetrics detached() {
    return new HubMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition, or null when this registry is not a Prometheus one. */
  public String scrape() {
    return registry instanceof PrometheusMeterRegistry p ? p.scrape() : null;
  }

  /**
   * How many sources get a label of their own; records of sources beyond are counted as {@code other}. Sources are
   * named by the callers (any name a source may have), and every new name was a new series of every meter of it:
   * a client looping over names grew the node's memory and the Prometheus server's without end.
   */
  public static final int MAX_SOURCE_LABELS = 200;
  static final String OTHER_SOURCES = "other";

  private final java.util.Set<String> labelledSources = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** The label of {@code source}: its name, among the first {@link #MAX_SOURCE_LABELS} seen, else {@code other}. */
  String sourceLabel(String source) {
    if (labelledSources.contains(source)) return source;
    if (labelledSources.size() >= MAX_SOURCE_LABELS) return OTHER_SOURCES;
    labelledSources.add(source); // a few over the cap when many arrive at once: bounded all the same
    return source;
  }

  /** Records accepted or rejected by the ingest pipeline, by source and outcome. */
  public Counter ingested(String source, String outcome) {
    return Counter.builder("hub.ingest.records").tag("source", sourceLabel(source)).tag("outcome", outcome)
        .register(registry);
  }

  /**
   * Records accepted with warnings (a value left out or repaired: an impossible date, bytes that were not UTF-8, a
   * placeholder), by source: the HTTP door and the importer tell them to the sender, the Kafka door to nobody.
   */
  public Counter ingestedWithWarnings(String source) {
    return Counter.builder("hub.ingest.warned.records").tag("source", sourceLabel(source)).register(registry);
  }

  /**
   * Dead letters of the Kafka door by outcome: {@code whole}, {@code truncated} (the value cut to fit, see
   * {@code kafka.deadLetterMaxValueBytes}) or {@code lost} (Kafka refused even the letter without its value; the
   * log names the record's topic, partition and offset).
   */
  public Counter deadLetters(String outcome) {
    return Counter.builder("hub.ingest.dead.letters").tag("outcome", outcome).register(registry);
  }

  /**
   * Requests refused for their credentials, by status: {@code 401} (no token, or one that does not verify: a wrong
   * key, expired, another audience) and {@code 403} (a valid token without the role). A rise is worth an alert: a
   * leaked or forged token being tried, or a client whose credentials ran out.
   */
  public Counter authRefused(int status) {
    return Counter.builder("hub.auth.refused").tag("status", String.valueOf(status)).register(registry);
  }

  /**
   * Fetches of the identity provider's signing keys by outcome ({@code ok}, {@code failed}): failures while keys
   * are held show nowhere else (the keys fetched before stay in use), until a rotation makes them matter.
   */
  public Counter providerKeyFetches(String outcome) {
    return Counter.builder("hub.auth.provider.key.fetches").tag("outcome", outcome).register(registry);
  }

  /** Time spent in one phase of resolving a batch (standardize, lock, read, link, write, recompute, cache). */
  public Timer phase(String phase) {
    return Timer.builder("hub.resolve.phase").tag("phase", phase).publishPercentiles(0.5, 0.99)
        .register(registry);
  }

  /**
   * Identity records linked, and the candidate pairs the matcher scored for them: their ratio is the candidates
   * per record, the cost that blocking must keep about constant as the data grows.
   */
  public Counter linkedRecords() {
    return Counter.builder("hub.resolve.linked.records").register(registry);
  }

  /**
   * Linking transactions and the batches they carried: more batches than transactions means small batches of
   * concurrent callers shared transactions.
   */
  public Counter linkTransactions() {
    return Counter.builder("hub.resolve.link.transactions").register(registry);
  }

  public Counter linkBatches() {
    return Counter.builder("hub.resolve.link.batches").register(registry);
  }

  /** Re-resolutions of every record a young hub ran by itself (after learning, or for a reader of the crosswalk). */
  public Counter reresolutions() {
    return Counter.builder("hub.learning.reresolutions").register(registry);
  }

  public Counter scoredPairs() {
    return Counter.builder("hub.resolve.scored.pairs").register(registry);
  }

  /** Blocking keys whose stored records exceeded the per-key cap (the oversized blocks). */
  public Counter cappedBlocks() {
    return Counter.builder("hub.resolve.blocks.capped").register(registry);
  }

  /** Change events the outbox relay of this node published to Kafka. */
  public Counter outboxPublished() {
    return Counter.builder("hub.outbox.published").register(registry);
  }

  /**
   * How long the oldest change event not yet published has waited, as the node relaying the outbox last read it (0
   * on the other nodes, and when nothing waits): the signal that events are not leaving, e.g. Kafka is away.
   */
  public void outboxWaiting(Supplier<Number> oldestSeconds) {
    Gauge.builder("hub.outbox.oldest.unpublished", oldestSeconds).baseUnit("seconds").register(registry);
  }

  /**
   * Cache entries whose write after a commit failed and whose repair has not gone through yet: above zero, the
   * cluster is not answering and some answers read from the cache may be older than PostgreSQL.
   */
  public void cacheRepairsPending(Supplier<Number> keys) {
    Gauge.builder("hub.cache.repairs.pending", keys).register(registry);
  }

  /**
   * The share of the maximum heap in use after the last garbage collection: past {@code resolve.maxHeapAfterGc}
   * the node refuses new records until it has room.
   */
  public void heapUsedAfterGc(Supplier<Number> share) {
    Gauge.builder("hub.heap.used.after.gc", share).baseUnit("ratio").register(registry);
  }

  /**
   * The stewards' queue: the review pairs open, and how long the oldest has waited (0 when none is open), as this
   * node last read them from PostgreSQL (every node reads the same; a scrape answers what the one before it read).
   */
  public void reviewBacklog(Supplier<Number> open, Supplier<Number> oldestSeconds) {
    Gauge.builder("hub.reviews.open", open).register(registry);
    Gauge.builder("hub.reviews.oldest.open", oldestSeconds).baseUnit("seconds").register(registry);
  }

  /**
   * Members that left the cluster, seen by the member that repairs after them: {@code clean} (it said its cache
   * writes were done), {@code repaired} (the entries changed lately were repaired), {@code emptied} (too many, or
   * PostgreSQL could not say which: the cache was emptied).
   */
  public Counter memberDepartures(String outcome) {
    return Counter.builder("hub.cache.member.departures").tag("outcome", outcome).register(registry);
  }

  /** Whole-batch retries after a deadlock, serialization failure or a concurrent change. */
  public Counter retries() {
    return Counter.builder("hub.resolve.retries").register(registry);
  }

  /** A clock for the phases of one batch: each lap is recorded under the phase it closes. */
  public Laps laps() {
    return new Laps(this);
  }

  /** Not thread-safe: one per batch, used along its (sequential) chain of steps. */
  public static final class Laps {
    /** For callers that time nothing. */
    public static final Laps NONE = new Laps(null);

    private final HubMetrics metrics;
    private long last = System.nanoTime();

    private Laps(HubMetrics metrics) {
      this.metrics = metrics;
    }

    public void lap(String phase) {
      if (metrics == null) return;
      long now = System.nanoTime();
      metrics.phase(phase).record(Duration.ofNanos(now - last));
      last = now;
    }
  }
}
