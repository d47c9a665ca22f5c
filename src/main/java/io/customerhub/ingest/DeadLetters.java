package io.customerhub.ingest;

import io.customerhub.metrics.HubMetrics;
import io.vertx.core.Future;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the Kafka door's dead letters ({@link DeadLetter}), value cut to {@code maxValueBytes}.
 *
 * <p>A letter Kafka refuses for its size even so (the dead-letter topic takes less than the bound) is sent again
 * without its value. One that Kafka refuses for good even then is logged at ERROR with where its record is,
 * counted ({@code hub_ingest_dead_letters_total{outcome="lost"}}), and its batch goes on: a letter that can never
 * be written must not stop its partition forever, and the record itself is still in its source topic. Any other
 * failure (the broker out of reach, a missing permission) fails the batch, which is then retried from its first
 * record: nothing is skipped for a fault that can be mended.
 */
public final class DeadLetters {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final int maxValueBytes;
  private final HubMetrics metrics;

  public DeadLetters(KafkaProducer<String, String> producer, String topic, int maxValueBytes, HubMetrics metrics) {
    this.producer = producer;
    this.topic = topic;
    this.maxValueBytes = maxValueBytes;
    this.metrics = metrics;
  }

  /**
   * A reason as the log may say it: the values it quotes left out ("birthDate: is not a calendar date: '…'", the
   * parser's "Unrecognized token '…'"). The letter keeps them for whoever mends the record; a log is read by more
   * people than the data, and kept longer.
   */
  static String withoutValues(String reason) {
    return reason == null ? null : QUOTED.matcher(reason).replaceAll("'…'");
  }

  private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'[^']*'");

  Future<Void> send(KafkaConsumerRecord<String, String> r, String reason) {
    DeadLetter.Refused refused = new DeadLetter.Refused(r.topic(), r.partition(), r.offset(), r.key(), r.value(),
        r.record().serializedValueSize());
    DeadLetter letter = DeadLetter.of(refused, reason, maxValueBytes);
    LOG.info("dead-lettered {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
        withoutValues(letter.headers().get(DeadLetter.ERROR)));
    return write(letter).recover(err -> {
      if (!refusedForGood(err)) return unwritten(r, err);
      if (!letter.hasValue()) return lost(r, err);
      LOG.warn("dead letter of {}-{}@{} refused ({}); sent without its value", r.topic(), r.partition(), r.offset(),
          err.getMessage());
      return write(DeadLetter.of(refused, reason, 0))
          .recover(again -> refusedForGood(again) ? lost(r, again) : unwritten(r, again));
    });
  }

  private Future<Void> write(DeadLetter letter) {
    KafkaProducerRecord<String, String> record = KafkaProducerRecord.create(topic, letter.key(), letter.value());
    letter.headers().forEach((name, value) -> record.addHeader(KafkaHeader.header(name, value)));
    return producer.send(record)
        .onSuccess(m -> metrics.deadLetters(letter.truncated() ? "truncated" : "whole").increment())
        .mapEmpty();
  }

  private Future<Void> lost(KafkaConsumerRecord<String, String> r, Throwable err) {
    metrics.deadLetters("lost").increment();
    LOG.error("dead letter of {}-{}@{} cannot be written to {} ({}); the record stays in its source topic at that "
        + "offset and its partition goes on", r.topic(), r.partition(), r.offset(), topic, err.toString());
    return Future.succeededFuture();
  }

  /**
   * Fails the batch, to be retried. Kafka retries what it calls retriable until its delivery timeout, so the broker
   * was out of reach all that time; anything else (a missing permission, say) needs an operator, hence ERROR.
   */
  private Future<Void> unwritten(KafkaConsumerRecord<String, String> r, Throwable err) {
    if (!(err instanceof RetriableException)) {
      LOG.error("dead letter of {}-{}@{} cannot be written to {} ({}); its batch is retried until it can",
          r.topic(), r.partition(), r.offset(), topic, err.toString());
    }
    return Future.failedFuture(err);
  }

  /** Kafka refuses the letter itself (its size, its form): the same letter again would be refused again. */
  private static boolean refusedForGood(Throwable err) {
    return err instanceof RecordTooLargeException || err instanceof RecordBatchTooLargeException
        || err instanceof InvalidRecordException;
  }
}
