package io.customerhub.testing;

import com.hazelcast.core.HazelcastInstance;
import io.customerhub.cache.HazelcastConfigs;
import io.customerhub.embedded.EmbeddedKafkaBroker;
import io.customerhub.embedded.EmbeddedPostgresServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The real infrastructure shared by all tests of one JVM: one PostgreSQL server, one Kafka broker and one
 * Vert.x clustered over Hazelcast. Each is started on first use and stopped when the JVM exits, so a test run
 * pays each start-up once and a test that needs only PostgreSQL never waits for Kafka.
 *
 * <p>Isolation: {@link #freshDatabase()} gives each test class its own empty database; Kafka topics and
 * Hazelcast maps are shared, so tests name them uniquely or clear what they use.
 */
public final class TestInfra {

  /** Unique per JVM: Hazelcast ports are fixed (5701+), so concurrent test JVMs must not join each other. */
  private static final String CLUSTER_NAME = "hub-test-" + UUID.randomUUID();
  private static final AtomicInteger DATABASES = new AtomicInteger();
  /** In the order they stop at exit: Vert.x first, while the servers its tests used are still up. */
  private enum Component { VERTX, KAFKA, POSTGRES }

  private static final AtomicReferenceArray<Runnable> STOPS = new AtomicReferenceArray<>(Component.values().length);

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::stopAll, "test-infra-shutdown"));
  }

  private TestInfra() {
  }

  /** Name of the Hazelcast cluster {@link #vertx()} belongs to; a test may start more members in it. */
  public static String clusterName() {
    return CLUSTER_NAME;
  }

  public static EmbeddedPostgresServer postgres() {
    return Postgres.SERVER;
  }

  /** Creates a new empty database on the shared server; returns its URI (like {@code HUB_PG_URL}). */
  public static String freshDatabase() {
    String name = "hub_test_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(postgres().jdbcUrl());
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return postgres().pgUri(name);
  }

  public static EmbeddedKafkaBroker kafka() {
    return Kafka.BROKER;
  }

  public static String kafkaBootstrap() {
    return kafka().bootstrapServers();
  }

  /** The shared clustered Vert.x; tests must not close it. */
  public static Vertx vertx() {
    return Cluster.VERTX;
  }

  /** The Hazelcast member behind {@link #vertx()}. */
  public static HazelcastInstance hazelcast() {
    return ((HazelcastClusterManager) ((VertxInternal) vertx()).clusterManager()).getHazelcastInstance();
  }

  // Holder classes: the JVM initializes each one, once and thread-safely, on its first use.

  private static final class Postgres {
    /** Its data lives in a temporary directory that the server deletes itself when it stops. */
    static final EmbeddedPostgresServer SERVER = stopAtExit(Component.POSTGRES,
        EmbeddedPostgresServer.start(Path.of(System.getProperty("java.io.tmpdir")), false),
        EmbeddedPostgresServer::close);
  }

  private static final class Kafka {
    static final Path LOG_DIR = createTempDirectory("customer-hub-test-kafka-");
    static final EmbeddedKafkaBroker BROKER = stopAtExit(Component.KAFKA, EmbeddedKafkaBroker.start(LOG_DIR),
        broker -> {
          broker.close();
          deleteTree(LOG_DIR);
        });
  }

  private static final class Cluster {
    static final Vertx VERTX = stopAtExit(Component.VERTX,
        await(HazelcastConfigs.clusteredVertx(HazelcastConfigs.member(CLUSTER_NAME), new VertxOptions())),
        vertx -> await(vertx.close()));
  }

  private static <T> T stopAtExit(Component which, T component, Consumer<T> stop) {
    STOPS.set(which.ordinal(), () -> stop.accept(component));
    return component;
  }

  private static void stopAll() {
    for (int i = 0; i < STOPS.length(); i++) {
      Runnable stop = STOPS.get(i);
      if (stop == null) continue;
      try {
        stop.run();
      } catch (RuntimeException e) {
        System.err.println("test infrastructure did not stop cleanly: " + e);
      }
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("test infrastructure did not start or stop in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Path createTempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
