package io.customerhub.events;

import io.customerhub.metrics.HubMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Publishes profile-change events from the transactional outbox to Kafka: at least once, in order per profile
 * (events are keyed by profile id, sent in outbox order by a single leader, and marked published only after the
 * broker acknowledged them). Events published longer ago than the retention are deleted, hourly and in rounds of
 * {@link #PRUNE_ROUND}: the outbox is a way out, not an archive, and a hub that writes an event for every change
 * of every profile would otherwise grow it without end (the topic is the history consumers read).
 */
public final class OutboxRelayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayVerticle.class);
  /** Events deleted per transaction when pruning: short transactions, whatever the backlog. */
  static final int PRUNE_ROUND = 10_000;

  private final Pool pool;
  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final int batchSize;
  private final long intervalMs;
  private final int retentionHours;
  /**
   * Events Kafka refused as too large: the next attempt sends each as a {@linkplain #withoutRecords summary}, in
   * its place in the outbox order. Bounded; an id falls out once the summary is out (or after 10,000 others).
   */
  private final Set<Long> tooLarge = new LinkedHashSet<>();
  private long timer = -1;
  private long pruneTimer = -1;
  private boolean stopped;
  private final Counter published;
  /**
   * Since when ({@link System#nanoTime}) the oldest unpublished event this node, relaying, last saw has waited;
   * {@link #NONE_WAITING} when none. The gauge counts on from it: read as a figure, it stood still while a batch's
   * sends hung on a broker that was gone (two minutes a try), and the alert on it came late.
   */
  private volatile long oldestSince = NONE_WAITING;
  private static final long NONE_WAITING = Long.MIN_VALUE;
  /** The event last logged as refused, and when: the same refusal is logged once a minute. */
  private long lastRefused = -1;
  private long lastRefusedLogged;

  public OutboxRelayVerticle(Pool pool, KafkaProducer<String, String> producer, String topic, int batchSize,
                             long intervalMs, int retentionHours, HubMetrics metrics) {
    this.pool = pool;
    this.producer = producer;
    this.topic = topic;
    this.batchSize = batchSize;
    this.intervalMs = intervalMs;
    this.retentionHours = retentionHours;
    this.published = metrics.outboxPublished();
    metrics.outboxWaiting(() -> {
      long since = oldestSince;
      return since == NONE_WAITING ? 0 : (System.nanoTime() - since) / 1e9;
    });
  }

  @Override
  public Future<?> start() {
    schedule(0);
    if (retentionHours > 0) pruneTimer = vertx.setPeriodic(1, TimeUnit.HOURS.toMillis(1), t -> prune());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    if (pruneTimer >= 0) vertx.cancelTimer(pruneTimer);
    return Future.succeededFuture();
  }

  /** Deletes the events published longer ago than the retention; returns how many. */
  Future<Long> prune() {
    return pruneRounds(0).onSuccess(n -> {
      if (n > 0) LOG.info("outbox: deleted {} events published more than {} hours ago", n, retentionHours);
    }).onFailure(err -> LOG.warn("outbox: old events not deleted: {}", err.getMessage()));
  }

  private Future<Long> pruneRounds(long soFar) {
    if (stopped) return Future.succeededFuture(soFar);
    return pool.preparedQuery(OutboxSql.PRUNE_PUBLISHED).execute(Tuple.of(retentionHours, PRUNE_ROUND))
        .compose(rows -> rows.rowCount() < PRUNE_ROUND ? Future.succeededFuture(soFar + rows.rowCount())
            : pruneRounds(soFar + rows.rowCount()));
  }

  private void schedule(long delay) {
    if (stopped) return;
    timer = vertx.setTimer(Math.max(1, delay), t -> relayOnce()
        .onSuccess(sent -> schedule(sent >= batchSize ? 0 : intervalMs))
        .onFailure(err -> {
          LOG.warn("outbox relay failed, retrying: {}", err.getMessage());
          schedule(Math.max(1000, intervalMs));
        }));
  }

  /** Sends one batch; returns how many events went out (0 when another node holds the relay). */
  Future<Integer> relayOnce() {
    return pool.withTransaction(conn -> conn.query(OutboxSql.TRY_LEADER).execute().compose(lock -> {
      if (!lock.iterator().next().getBoolean(0)) {
        oldestSince = NONE_WAITING; // another node relays, and says how long its events wait
        return Future.succeededFuture(0);
      }
      return conn.preparedQuery(OutboxSql.NEXT_BATCH).execute(Tuple.of(batchSize)).compose(rows -> {
        // read before sending: when Kafka refuses the batch, the wait goes on growing where operators see it
        oldestSince = rows.size() == 0 ? NONE_WAITING
            : System.nanoTime() - (long) (Math.max(0, rows.iterator().next().getDouble(3)) * 1e9);
        List<Long> ids = new ArrayList<>();
        List<Future<?>> sends = new ArrayList<>();
        for (Row r : rows) {
          long id = r.getLong(0);
          ids.add(id);
          String profileId = r.getUUID(1).toString();
          String payload = tooLarge.contains(id) ? withoutRecords(profileId, r.getString(2)) : r.getString(2);
          sends.add(producer.send(KafkaProducerRecord.create(topic, profileId, payload))
              .onFailure(err -> refused(id, err)));
        }
        if (ids.isEmpty()) return Future.succeededFuture(0);
        // join, not all: when one send fails, the relay (and its lock) is given up only once every send of the
        // batch has settled; another relay taking over would otherwise resend the batch while some of these are
        // still on their way, and a profile's events could arrive out of version order
        return Future.join(sends)
            .compose(v -> conn.preparedQuery(OutboxSql.MARK_PUBLISHED).execute(Tuple.of(ids.toArray(Long[]::new))))
            .map(v -> {
              ids.forEach(tooLarge::remove);
              published.increment(ids.size());
              return ids.size();
            });
      });
    }));
  }

  /**
   * Events are bounded where they are written (ProfileEvents), so Kafka refuses one as too large only when its
   * topic takes less than they do, or for a row written before they were bounded. Such an event goes out again,
   * on the relay's next attempt, as a summary without its record keys: every later event would otherwise wait
   * for it forever. The events sent after it in its batch go out again too (at least once, as after any failure).
   */
  private void refused(long outboxId, Throwable err) {
    if (err instanceof RecordTooLargeException) {
      if (tooLarge.add(outboxId)) {
        LOG.warn("outbox event {} is too large for Kafka ({}); it goes out again without its record keys",
            outboxId, err.getMessage());
        if (tooLarge.size() > 10_000) tooLarge.remove(tooLarge.iterator().next());
        return;
      }
    }
    if (err instanceof RetriableException) return;
    // the relay tries again every second: one line a minute for the same event says as much as sixty
    long now = System.nanoTime();
    if (outboxId == lastRefused && now - lastRefusedLogged < TimeUnit.MINUTES.toNanos(1)) return;
    lastRefused = outboxId;
    lastRefusedLogged = now;
    LOG.error("outbox event {} cannot be published ({}); it and every event after it wait until it can (see "
        + "hub_outbox_oldest_unpublished_seconds)", outboxId, err.toString());
  }

  /**
   * The event without its record keys ({@code recordsTruncated}, {@code payloadOmitted} say so): what changed
   * and the version, which is what consumers act on; they read the profile for the rest.
   */
  static String withoutRecords(String profileId, String payload) {
    JsonObject summary;
    try {
      summary = new JsonObject(payload);
    } catch (RuntimeException unreadable) {
      summary = new JsonObject().put("profileId", profileId);
    }
    JsonObject event = new JsonObject();
    for (String field : List.of("profileId", "changeType", "version", "mergedInto", "tier", "recordCount", "changes",
        "changedAttributes")) {
      Object value = summary.getValue(field);
      // only small values: the field that made the event too large may be any of them in a row of old
      if (value != null && String.valueOf(value).length() <= 4_096) event.put(field, value);
    }
    return event.put("profileId", profileId).put("records", new JsonArray())
        .put("recordsTruncated", true)
        .put("payloadOmitted", "the event took " + payload.length() + " characters, more than the topic takes; "
            + "read the profile for its records")
        .encode();
  }
}
