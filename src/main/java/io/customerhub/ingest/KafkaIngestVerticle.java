package io.customerhub.ingest;

import io.customerhub.support.HeapPressure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Kafka door: consumes the source topics in one consumer group and feeds each poll through the pipeline.
 * Offsets are committed only after the batch is committed in PostgreSQL and its rejects are acknowledged on the
 * dead-letter topic, so nothing is lost; on a failure the consumer seeks back and retries the same records, which
 * the pipeline's idempotence makes harmless. A bad message never stops its partition, however large it is: its
 * dead letter is cut to fit ({@link DeadLetters}).
 */
public final class KafkaIngestVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestVerticle.class);
  private static final long MAX_BACKOFF_MS = 10_000;

  private final IngestService ingest;
  private final Map<String, String> consumerConfig;
  private final Map<String, String> sourceByTopic;
  private final DeadLetters deadLetters;
  private final int maxRecordBytes;
  private final MeterRegistry meters;
  private KafkaConsumer<String, String> consumer;
  private KafkaClientMetrics consumerMeters;
  private long backoff = 100;
  private volatile boolean healthy;
  private volatile boolean stopping;
  /** The partitions the group gives this node now; replaced whole on the consumer's context, read by health checks. */
  private volatile Set<TopicPartition> assigned = Set.of();

  public KafkaIngestVerticle(IngestService ingest, Map<String, String> consumerConfig, Map<String, String> sourceByTopic,
                             DeadLetters deadLetters, int maxRecordBytes, MeterRegistry meters) {
    this.ingest = ingest;
    this.consumerConfig = consumerConfig;
    this.sourceByTopic = Map.copyOf(sourceByTopic);
    this.deadLetters = deadLetters;
    this.maxRecordBytes = maxRecordBytes;
    this.meters = meters;
  }

  /** Polls no more once the batch under way, if any, is committed: the node is stopping. */
  public void stopTaking() {
    stopping = true;
  }

  public boolean healthy() {
    return healthy;
  }

  /**
   * How many partitions this node consumes now. None is no failure (a group may have more nodes than partitions),
   * but an operator who counts them across the nodes sees whether every partition has a consumer.
   */
  public int assignedPartitions() {
    return assigned.size();
  }

  /** The source topics this node subscribes to, sorted. */
  public List<String> topics() {
    return List.copyOf(new TreeSet<>(sourceByTopic.keySet()));
  }

  @Override
  public Future<?> start() {
    Map<String, String> cfg = new HashMap<>(consumerConfig);
    cfg.put("enable.auto.commit", "false");
    cfg.put("auto.offset.reset", "earliest");
    // a node killed while it held partitions kept them, in the group's eyes, for Kafka's default 45 s: the node
    // restarted in seconds and consumed nothing until then (a chaos run). 10 s unless the operator's client settings
    // say otherwise
    cfg.putIfAbsent("session.timeout.ms", "10000");
    cfg.putIfAbsent("heartbeat.interval.ms", "3000");
    cfg.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    cfg.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    consumer = KafkaConsumer.create(vertx, cfg);
    consumer.exceptionHandler(err -> LOG.warn("kafka consumer: {}", err.getMessage()));
    // the consumer's own meters on /metrics: how far behind each source partition it is (records-lag, once
    // assigned), fetch rates and sizes
    consumerMeters = new KafkaClientMetrics(consumer.unwrap());
    consumerMeters.bindTo(meters);
    // as sets, added to and taken from: a cooperative rebalance hands over only the partitions that change
    consumer.partitionsAssignedHandler(added -> assigned = Stream.concat(assigned.stream(), added.stream())
        .collect(Collectors.toUnmodifiableSet()));
    consumer.partitionsRevokedHandler(removed -> assigned = assigned.stream().filter(p -> !removed.contains(p))
        .collect(Collectors.toUnmodifiableSet()));
    return consumer.subscribe(sourceByTopic.keySet()).onSuccess(v -> {
      LOG.info("consuming {} as group {}", sourceByTopic.keySet(), cfg.get("group.id"));
      pollLoop();
    });
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    if (consumerMeters != null) consumerMeters.close();
    return consumer == null ? Future.succeededFuture() : consumer.close();
  }

  private void pollLoop() {
    if (stopping) return;
    consumer.poll(Duration.ofMillis(500))
        .compose(records -> records.isEmpty() ? Future.succeededFuture() : process(records).compose(v -> consumer.commit()))
        .onSuccess(v -> {
          healthy = true;
          backoff = 100;
          context.runOnContext(x -> pollLoop());
        })
        .onFailure(err -> {
          if (stopping) return;
          if (err instanceof HeapPressure.Full) {
            // the consumer is fine and the node's readiness shows the heap: the records wait in Kafka, read again
            // at each try, until the node has room (HeapPressure said so at WARN)
            LOG.debug("kafka batch waits for room in the heap, retrying in {} ms", backoff);
          } else {
            healthy = false;
            LOG.warn("kafka batch failed, retrying in {} ms: {}", backoff, err.getMessage());
          }
          vertx.setTimer(backoff, t -> pollLoop());
          backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        });
  }

  private Future<Void> process(KafkaConsumerRecords<String, String> records) {
    Map<String, List<KafkaConsumerRecord<String, String>>> bySource = new LinkedHashMap<>();
    Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> r = records.recordAt(i);
      bySource.computeIfAbsent(sourceByTopic.get(r.topic()), s -> new ArrayList<>()).add(r);
      firstOffsets.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
    }
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, List<KafkaConsumerRecord<String, String>>> e : bySource.entrySet()) {
      chain = chain.compose(v -> processSource(e.getKey(), e.getValue()));
    }
    return chain.recover(err -> rewind(firstOffsets).compose(v -> Future.failedFuture(err)));
  }

  private Future<Void> processSource(String source, List<KafkaConsumerRecord<String, String>> records) {
    List<IngestService.Input> inputs = new ArrayList<>(records.size());
    for (KafkaConsumerRecord<String, String> r : records) {
      inputs.add(input(r));
    }
    return ingest.ingest(source, inputs, "kafka:" + source).compose(results -> {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        IngestService.Result result = results.get(i);
        if (!result.accepted()) sends.add(deadLetters.send(records.get(i), result.outcome().error()));
      }
      return Future.all(sends).mapEmpty();
    });
  }

  /**
   * The message as the pipeline's input. A record takes at most {@code maxRecordBytes} through every door: the
   * HTTP door holds each line to it, and a broker may allow messages many times that size.
   */
  private IngestService.Input input(KafkaConsumerRecord<String, String> r) {
    if (r.value() == null) return IngestService.Input.refused("value: is empty (null message)");
    int bytes = r.record().serializedValueSize();
    if (bytes > maxRecordBytes) {
      return IngestService.Input.refused("value: is " + bytes + " bytes, longer than the " + maxRecordBytes
          + " bytes a record may take");
    }
    // a byte-order mark is no part of the record (the HTTP door and the importer skip it too)
    String value = r.value();
    return IngestService.Input.text(value.startsWith("\uFEFF") ? value.substring(1) : value);
  }

  /** Puts every partition of a failed batch back to its first record, so the next poll delivers it again. */
  private Future<Void> rewind(Map<TopicPartition, Long> firstOffsets) {
    List<Future<Void>> seeks = new ArrayList<>();
    firstOffsets.forEach((tp, offset) -> seeks.add(consumer.seek(tp, offset)));
    Promise<Void> done = Promise.promise();
    Future.join(seeks).onComplete(x -> done.complete());
    return done.future();
  }
}
