package io.customerhub.cli;

import io.customerhub.app.HubNode;
import io.customerhub.config.HubConfig;
import io.customerhub.embedded.EmbeddedKafkaBroker;
import io.customerhub.embedded.EmbeddedPostgresServer;
import io.customerhub.generate.Dataset;
import io.customerhub.ingest.SourceMapping;
import io.customerhub.ingest.SourceMappings;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/hub demo}: everything embedded (PostgreSQL, a Kafka broker, Hazelcast) plus one hub node; streams a
 * generated set of CRM, ERP, risk and order records with realistic duplicates through Kafka on the first run, then
 * prints ready-to-paste {@code curl} lines for interesting merged profiles. Data stays under the data directory,
 * so running it again finds everything again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start everything embedded, stream sample records through Kafka, print curl lines.")
final class DemoCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions config;

  @Option(names = "--port", description = "HTTP port (default from configuration: 8080)")
  Integer port;

  @Option(names = "--persons", defaultValue = "3000", description = "generated persons (default ${DEFAULT-VALUE})")
  int persons;

  @Option(names = "--orgs", defaultValue = "400", description = "generated organizations (default ${DEFAULT-VALUE})")
  int orgs;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    HubConfig cfg = config.load();
    if (port != null) cfg = cfg.withHttpPort(port);
    Files.createDirectories(cfg.dataDir());
    System.out.println("Starting an embedded Kafka broker, PostgreSQL and Hazelcast under " + cfg.dataDir() + " …");
    EmbeddedPostgresServer.requireFree(cfg.dataDir());
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(cfg.dataDir().resolve("kafka"));
    HubNode node;
    try {
      node = HubNode.start(cfg.withKafkaBootstrap(broker.bootstrapServers()));
    } catch (Exception e) {
      broker.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("\nStopping the hub, Kafka and PostgreSQL …");
      node.close();
      broker.close();
      stopped.countDown();
    }, "demo-shutdown"));

    Path fed = cfg.dataDir().resolve("demo-fed");
    if (!Files.exists(fed)) {
      int sent = feed(cfg, broker.bootstrapServers());
      Files.writeString(fed, sent + "\n");
      System.out.printf("Streamed %d generated records through Kafka topics.%n", sent);
    } else {
      System.out.println("Sample records were streamed on an earlier run; the hub found them again in PostgreSQL.");
    }
    DemoShowcase showcase = new DemoShowcase(node, cfg.http());
    List<Row> picks = showcase.awaitInterestingProfiles(TimeUnit.MINUTES.toMillis(3));
    System.out.printf("%nFirst merged profiles ready %.1f s after start.%n", (System.nanoTime() - t0) / 1e9);
    showcase.print(picks);
    System.out.println("\nThe hub keeps running; press Ctrl-C to stop everything.");
    stopped.await();
    return 0;
  }

  private int feed(HubConfig cfg, String bootstrap) throws Exception {
    Dataset data = DemoRecords.generate(persons, orgs);
    SourceMappings mappings = SourceMappings.load(cfg.confDir());
    int sent = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "20",
        "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
        "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"))) {
      for (String source : DemoRecords.SOURCES_IN_SENDING_ORDER) {
        String topic = mappings.forSource(source).map(SourceMapping::topic).orElseThrow();
        for (Map<String, Object> record : data.records(source)) {
          producer.send(new ProducerRecord<>(topic, String.valueOf(record.get("sourceId")),
              new JsonObject(record).encode()));
          sent++;
        }
      }
      producer.flush();
    }
    return sent;
  }
}
