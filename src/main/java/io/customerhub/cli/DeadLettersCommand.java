package io.customerhub.cli;

import io.customerhub.config.HubConfig;
import io.customerhub.config.KafkaClientProperties;
import io.customerhub.ingest.DeadLetterHeaders;
import io.customerhub.ingest.SourceMapping;
import io.customerhub.ingest.SourceMappings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bin/hub dead-letters --out DIR}: the records the Kafka door refused, out of the dead-letter topic and into
 * files a person can read and mend: one NDJSON file per source ({@code DIR/crm.ndjson}, …) and an index of every
 * letter with its reason ({@code DIR/dead-letters.ndjson}). A letter cut to fit holds only the first part of its
 * record: the whole record is read back from its source topic, where it stays until that topic's retention ends.
 * Once the data or the source's mapping is mended, {@code bin/hub import --source crm DIR/crm.ndjson} sends the
 * records through the same pipeline; a record the source has replaced since is older than what is stored, and
 * changes nothing. Reads the topic as it is when the command starts, from its beginning, and commits nothing: the
 * hub's consumers are not touched.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
    description = "Write the records the hub dead-lettered on Kafka to NDJSON files per source, for `hub import`.")
final class DeadLettersCommand implements Callable<Integer> {

  static final String INDEX = "dead-letters.ndjson";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Mixin
  ConfigOptions config;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "a new or empty directory for the files")
  Path out;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
      description = "Kafka (default: kafka.bootstrap of the configuration, or HUB_KAFKA_BOOTSTRAP)")
  String bootstrap;

  @Option(names = "--topic", description = "the dead-letter topic (default: kafka.deadLetterTopic of the config)")
  String topic;

  @Override
  public Integer call() throws Exception {
    HubConfig cfg = config.load();
    String servers = bootstrap != null ? bootstrap : cfg.kafka().bootstrap();
    if (servers == null) {
      throw new IllegalArgumentException("no Kafka to read from: give --bootstrap or set HUB_KAFKA_BOOTSTRAP");
    }
    String letters = topic != null ? topic : cfg.kafka().deadLetterTopic();
    Map<String, String> sourceByTopic = new HashMap<>();
    for (SourceMapping m : SourceMappings.load(cfg.confDir()).configured()) {
      if (m.topic() != null) sourceByTopic.put(m.topic(), m.name());
    }
    prepare(out);
    Map<String, String> client = KafkaClientProperties.load(cfg.kafka().clientConfig());
    try (KafkaConsumer<String, String> reader = consumer(servers, client);
         KafkaConsumer<String, String> sources = consumer(servers, client);
         Output files = new Output(out)) {
      List<PartitionInfo> partitions;
      try {
        partitions = reader.partitionsFor(letters, TIMEOUT);
      } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
        throw new IllegalArgumentException("Kafka at " + servers + " did not answer within " + TIMEOUT.toSeconds()
            + " s: is the address right (--bootstrap, HUB_KAFKA_BOOTSTRAP), and the broker up?");
      }
      if (partitions == null || partitions.isEmpty()) {
        System.out.println("no topic " + letters + ": the hub has dead-lettered nothing");
        return 0;
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      reader.assign(assigned);
      reader.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = reader.endOffsets(assigned, TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      // where each letter's record stays: a hub stopped (or killed) after writing a batch's letters but before
      // committing its offsets refuses the batch again on restart and writes its letters again; one record is
      // written out once, with its first letter
      Set<String> seen = new HashSet<>();
      int repeated = 0;
      while (!caughtUp(reader, end)) {
        boolean progress = false;
        for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(500))) {
          progress = true;
          if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) continue; // came after the start
          DeadLetterExport.Letter letter =
              new DeadLetterExport.Letter(r.partition(), r.offset(), r.key(), r.value(), headers(r));
          String from = source(letter.headers());
          if (from != null && !seen.add(from)) {
            repeated++;
            continue;
          }
          String whole = letter.truncated() ? whole(sources, letter) : null;
          files.write(DeadLetterExport.of(letter, whole, sourceByTopic));
        }
        if (progress) deadline = System.nanoTime() + TIMEOUT.toNanos();
        else if (System.nanoTime() > deadline) throw new IllegalStateException("Kafka sent nothing for " + TIMEOUT);
      }
      files.summarize(letters);
      if (repeated > 0) {
        System.out.printf("  %d more letter%s repeated a record written out already (its batch was refused again "
            + "after a hub stopped before committing it): left out%n", repeated, repeated == 1 ? "" : "s");
      }
      return 0;
    }
  }

  /** {@code dir}, created if new; one holding files already is refused, so that no old file passes for a new one. */
  private static void prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": is not a directory");
      try (Stream<Path> in = Files.list(dir)) {
        if (in.findAny().isPresent()) throw new IllegalArgumentException(dir + ": is not empty");
      }
    }
    Files.createDirectories(dir);
  }

  /** With the operator's client settings (a secured cluster's), as every client of the hub. */
  private static KafkaConsumer<String, String> consumer(String servers, Map<String, String> client) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "hub-dead-letters");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    // reading a topic that is not there must not make it exist (a typo in --topic would leave a topic behind)
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  private static boolean caughtUp(KafkaConsumer<String, String> reader, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (reader.position(e.getKey(), TIMEOUT) < e.getValue()) return false;
    }
    return true;
  }

  /** The source topic, partition and offset a letter names, or null when it names none. */
  private static String source(Map<String, String> headers) {
    String topic = headers.get(DeadLetterHeaders.SOURCE_TOPIC);
    String partition = headers.get(DeadLetterHeaders.SOURCE_PARTITION);
    String offset = headers.get(DeadLetterHeaders.SOURCE_OFFSET);
    return topic == null || partition == null || offset == null ? null : topic + "-" + partition + "@" + offset;
  }

  private static Map<String, String> headers(ConsumerRecord<String, String> r) {
    Map<String, String> out = new HashMap<>();
    for (Header h : r.headers()) {
      if (h.value() != null) out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The whole value of a truncated letter's record, from its source topic; null when that no longer holds it. */
  private static String whole(KafkaConsumer<String, String> sources, DeadLetterExport.Letter letter) {
    TopicPartition at;
    long offset;
    try {
      int partition = Integer.parseInt(letter.headers().get(DeadLetterHeaders.SOURCE_PARTITION));
      at = new TopicPartition(letter.sourceTopic(), partition);
      offset = Long.parseLong(letter.headers().get(DeadLetterHeaders.SOURCE_OFFSET));
    } catch (RuntimeException noSuchPlace) { // a letter not written by the hub
      return null;
    }
    if (offset < sources.beginningOffsets(List.of(at), TIMEOUT).get(at)) return null;
    sources.assign(List.of(at));
    sources.seek(at, offset);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : sources.poll(Duration.ofMillis(500))) {
        if (r.offset() == offset) return r.value();
        if (r.offset() > offset) return null; // compacted away
      }
    }
    return null;
  }

  /** The files of one run: the index and a file per source, opened as their first line comes. */
  private static final class Output implements AutoCloseable {
    private final Path dir;
    private final BufferedWriter index;
    private final Map<String, BufferedWriter> bySource = new TreeMap<>();
    private final Map<String, Integer> lines = new TreeMap<>();
    /** Letters in no file, and why (a handful of distinct reasons, however many letters). */
    private int leftOut;
    private final Set<String> reasons = new TreeSet<>();

    Output(Path dir) throws IOException {
      this.dir = dir;
      this.index = writer(dir.resolve(INDEX));
    }

    /**
     * UTF-8 that writes what it cannot encode (half a surrogate pair, from a key or header) as '?', where the JDK's
     * own writer would fail the export halfway, its files cut off.
     */
    private static BufferedWriter writer(Path file) throws IOException {
      return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    void write(DeadLetterExport.Exported e) throws IOException {
      if (e.source() != null) {
        BufferedWriter w = bySource.get(e.source());
        if (w == null) {
          w = writer(dir.resolve(e.source() + ".ndjson"));
          bySource.put(e.source(), w);
        }
        w.write(e.line());
        w.newLine();
        e.index().put("line", lines.merge(e.source(), 1, Integer::sum));
      } else {
        leftOut++;
        reasons.add(e.index().getString("left"));
      }
      index.write(e.index().encode());
      index.newLine();
    }

    void summarize(String topic) {
      int total = leftOut + lines.values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf("%d dead letters in %s, written to %s%n", total, topic, dir.resolve(INDEX));
      lines.forEach((source, n) -> System.out.printf("  %s: %d record%s in %s%n", source, n, n == 1 ? "" : "s",
          dir.resolve(source + ".ndjson")));
      if (leftOut > 0) {
        System.out.printf("  %d not in any file, with the reason in the index (%s)%n", leftOut,
            String.join("; ", reasons));
      }
      if (!lines.isEmpty()) {
        String source = lines.keySet().iterator().next();
        System.out.printf("mend what each letter's \"error\" names (in the file, or in conf/sources/%s.json), then: "
            + "bin/hub import --source %s %s%n", source, source, dir.resolve(source + ".ndjson"));
      }
    }

    @Override
    public void close() throws IOException {
      for (BufferedWriter w : bySource.values()) w.close();
      index.close();
    }
  }
}
