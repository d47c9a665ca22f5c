package io.customerhub.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one node) inside this JVM, for
 * {@code bin/hub demo} and the tests. It listens on 127.0.0.1 on free ports. A log directory that already holds
 * a formatted store is reused as is, so topics and committed offsets survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final int PARTITIONS = 3;
  private static final long STARTUP_TIMEOUT_SECONDS = 60;

  /** A user of a broker that requires SASL/PLAIN sign-in ({@link #startWithSasl}). */
  public record SaslUser(String name, String password) {
    /** The client settings that sign in as this user, as a secured cluster's clients are configured. */
    public Map<String, String> clientProperties() {
      return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
          "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + name + "\" password=\""
              + password + "\";");
    }
  }

  private final KafkaRaftServer server;
  private final Admin admin;
  private final String bootstrapServers;

  private EmbeddedKafkaBroker(KafkaRaftServer server, Admin admin, String bootstrapServers) {
    this.server = server;
    this.admin = admin;
    this.bootstrapServers = bootstrapServers;
  }

  /** Formats {@code logDir} unless it already holds a store, starts the broker and waits until it serves. */
  public static EmbeddedKafkaBroker start(Path logDir) {
    return start(logDir, null);
  }

  /**
   * The same broker, but clients must sign in (SASL/PLAIN over plain TCP on loopback) as {@code user}: what a
   * secured production cluster asks of the hub, for the tests of its client settings.
   */
  public static EmbeddedKafkaBroker startWithSasl(Path logDir, SaslUser user) {
    return start(logDir, user);
  }

  private static EmbeddedKafkaBroker start(Path logDir, SaslUser user) {
    long started = System.nanoTime();
    int brokerPort = freePort();
    int controllerPort = freePort();
    String bootstrap = HOST + ":" + brokerPort;
    String clusterId = formatUnlessFormatted(logDir);
    Properties props = brokerProperties(logDir, brokerPort, controllerPort);
    Map<String, Object> adminConfig = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    if (user != null) {
      SaslUser broker = new SaslUser("broker", Uuid.randomUuid().toString());
      requireSasl(props, brokerPort, controllerPort, broker, user);
      adminConfig.putAll(broker.clientProperties());
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    Admin admin = Admin.create(adminConfig);
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, admin, bootstrap);
    try {
      admin.describeCluster().nodes().get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      broker.close();
      throw new IllegalStateException("Kafka broker did not come up at " + bootstrap, e);
    } catch (InterruptedException e) {
      broker.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Kafka", e);
    }
    LOG.info("Kafka ready at {} in {} ms (cluster {}, logs in {})", bootstrap,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), clusterId, logDir);
    return broker;
  }

  private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
        + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    // One node: every internal topic must live with a single replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("default.replication.factor", "1");
    // Few internal partitions and no rebalance delay: consumer groups are ready in well under a second.
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    p.put("num.partitions", String.valueOf(PARTITIONS));
    // Sized for a laptop or a 2-core CI box next to the hub, not for throughput: the default 128 MB
    // compaction buffer alone would be most of the broker's heap.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 << 20));
    return p;
  }

  /** The broker's listener takes SASL/PLAIN sign-ins of {@code broker} (its own admin client) and {@code user}. */
  private static void requireSasl(Properties p, int brokerPort, int controllerPort, SaslUser broker, SaslUser user) {
    p.put("listeners", "SASL_PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
        + controllerPort);
    p.put("advertised.listeners", "SASL_PLAINTEXT://" + HOST + ":" + brokerPort);
    p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
    p.put("sasl.enabled.mechanisms", "PLAIN");
    p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + broker.name()
            + "\" password=\"" + broker.password() + "\" user_" + broker.name() + "=\"" + broker.password() + "\" user_"
            + user.name() + "=\"" + user.password() + "\";");
  }

  /** Returns the cluster id: a fresh one for an empty directory, else the one kept in its meta.properties. */
  private static String formatUnlessFormatted(Path logDir) {
    Path meta = logDir.resolve("meta.properties");
    try {
      if (Files.exists(meta)) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
          props.load(in);
        }
        return props.getProperty("cluster.id");
      }
      Files.createDirectories(logDir);
      String clusterId = Uuid.randomUuid().toString();
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(clusterId)
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .run();
      return clusterId;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka log directory " + logDir, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka log directory " + logDir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates the topics that do not exist yet, each with {@value #PARTITIONS} partitions; waits for the result. */
  public void createTopics(String... names) {
    List<NewTopic> topics = Arrays.stream(names).map(n -> new NewTopic(n, PARTITIONS, (short) 1)).toList();
    for (var result : admin.createTopics(topics).values().entrySet()) {
      try {
        result.getValue().get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create topic " + result.getKey(), e.getCause());
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException("timed out creating topic " + result.getKey(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating topic " + result.getKey(), e);
      }
    }
  }

  /** Stops the broker cleanly (flushes logs, writes the clean-shutdown marker) and waits for it. */
  @Override
  public void close() {
    admin.close();
    server.shutdown();
    server.awaitShutdown();
  }
}
