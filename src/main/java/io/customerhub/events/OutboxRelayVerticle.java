package io.customerhub.events;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes profile-change events from the transactional outbox to Kafka: at least once, in order per profile
 * (events are keyed by profile id, sent in outbox order by a single leader, and marked published only after the
 * broker acknowledged them).
 */
public final class OutboxRelayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayVerticle.class);

  private final Pool pool;
  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final int batchSize;
  private final long intervalMs;
  private long timer = -1;
  private boolean stopped;

  public OutboxRelayVerticle(Pool pool, KafkaProducer<String, String> producer, String topic, int batchSize,
                             long intervalMs) {
    this.pool = pool;
    this.producer = producer;
    this.topic = topic;
    this.batchSize = batchSize;
    this.intervalMs = intervalMs;
  }

  @Override
  public Future<?> start() {
    schedule(0);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    return Future.succeededFuture();
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
      if (!lock.iterator().next().getBoolean(0)) return Future.succeededFuture(0);
      return conn.preparedQuery(OutboxSql.NEXT_BATCH).execute(Tuple.of(batchSize)).compose(rows -> {
        List<Long> ids = new ArrayList<>();
        List<Future<?>> sends = new ArrayList<>();
        for (Row r : rows) {
          long id = r.getLong(0);
          ids.add(id);
          sends.add(producer.send(KafkaProducerRecord.create(topic, r.getUUID(1).toString(), r.getString(2)))
              .onFailure(err -> logIfRefusedForGood(id, err)));
        }
        if (ids.isEmpty()) return Future.succeededFuture(0);
        // join, not all: when one send fails, the relay (and its lock) is given up only once every send of the
        // batch has settled; another relay taking over would otherwise resend the batch while some of these are
        // still on their way, and a profile's events could arrive out of version order
        return Future.join(sends)
            .compose(v -> conn.preparedQuery(OutboxSql.MARK_PUBLISHED).execute(Tuple.of(ids.toArray(Long[]::new))))
            .map(v -> ids.size());
      });
    }));
  }

  /**
   * Events are bounded where they are written (ProfileEvents), so Kafka refusing one for good means a topic set
   * below them or a row written before they were: every later event waits for it, which needs an operator.
   */
  private static void logIfRefusedForGood(long outboxId, Throwable err) {
    if (err instanceof RetriableException) return;
    LOG.error("outbox event {} cannot be published ({}); it and every event after it wait until it can", outboxId,
        err.toString());
  }
}
