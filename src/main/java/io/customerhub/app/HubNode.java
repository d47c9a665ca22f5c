package io.customerhub.app;

import com.hazelcast.core.HazelcastInstance;
import io.customerhub.cache.ClusterMembers;
import io.customerhub.cache.HazelcastConfigs;
import io.customerhub.config.HubConfig;
import io.customerhub.config.KafkaClientProperties;
import io.customerhub.config.Secrets;
import io.customerhub.embedded.EmbeddedPostgresServer;
import io.customerhub.events.OutboxRelayVerticle;
import io.customerhub.ingest.DeadLetters;
import io.customerhub.ingest.KafkaIngestVerticle;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.serve.Health;
import io.customerhub.serve.HttpApiVerticle;
import io.customerhub.serve.IdentityProvider;
import io.customerhub.store.Database;
import io.customerhub.upkeep.ModelLearning;
import io.customerhub.upkeep.UpkeepVerticle;
import io.customerhub.steward.ReviewBacklog;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One running hub node: PostgreSQL (embedded unless a URL is configured), a clustered Vert.x over Hazelcast, the
 * HTTP API, and, when Kafka is configured, the Kafka door and the outbox relay. Built and closed from a plain
 * thread (the CLI's or a test's); it blocks while starting so that callers get a node that is ready.
 */
public final class HubNode implements AutoCloseable {

  /** How long a stopping node lets its requests in flight finish: a bulk request of 1,000 records takes seconds. */
  private static final long DRAIN_SECONDS = 20;
  private static final Logger LOG = LoggerFactory.getLogger(HubNode.class);

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<String> deployments = new ArrayList<>();
  private final boolean ownsVertx;
  private Vertx vertx;
  private Database database;
  private HubServices services;
  private ModelLearning learning;
  private int httpPort;
  /** The HTTP verticle instances, drained first when the node stops. */
  private final List<HttpApiVerticle> httpVerticles = new ArrayList<>();
  /** What {@code /health/ready} answers from; told first when the node stops. */
  private Health health;
  /** {@code http.drainNoticeSeconds}: how long the node serves on, unready, before it stops taking connections. */
  private int drainNotice;
  /** The data directory whose {@link NodeAddress} this node wrote, and the address; null while it has written none. */
  private java.nio.file.Path addressDir;
  private String address;
  private String pgUri;
  private KafkaIngestVerticle kafkaIngest;
  private KafkaProducer<String, String> producer;

  /** Closes a node whose embedded PostgreSQL it started when the JVM exits without closing it first. */
  private Thread stopOnExit;
  private boolean closed;

  private HubNode(boolean ownsVertx) {
    this.ownsVertx = ownsVertx;
  }

  /** Starts a node with its own clustered Vert.x. */
  public static HubNode start(HubConfig config) throws Exception {
    return start(config, null);
  }

  /** Starts a node on a given clustered Vert.x (tests share one per JVM), or its own when {@code vertx} is null. */
  public static HubNode start(HubConfig config, Vertx shared) throws Exception {
    HubNode node = new HubNode(shared == null);
    try {
      node.boot(config, shared);
      return node;
    } catch (Exception | Error e) {
      node.close();
      throw e;
    }
  }

  private void boot(HubConfig config, Vertx shared) throws Exception {
    long t0 = System.nanoTime();
    if (config.http().port() == 0) config = config.withHttpPort(freePort(config.http().host()));
    else checkPortFree(config.http().host(), config.http().port());
    HubRules conf = HubRules.load(config.confDir());
    // the source of each topic, checked before anything starts (a mapping reading the hub's own topics is refused)
    Map<String, String> sourceByTopic = config.kafka().enabled()
        ? KafkaSetup.sourceByTopic(conf.mappings(), config.kafka()) : Map.of();
    if (config.http().tls()) checkReadable(config);
    if (config.auth().oidc().enabled()) IdentityProvider.claimRoles(config.auth().oidc());
    // read and checked before PostgreSQL and Hazelcast start: a mistake stops the node at once
    Map<String, String> kafkaClient = config.kafka().enabled()
        ? KafkaClientProperties.load(config.kafka().clientConfig()) : Map.of();
    Secrets.Signing signing = Secrets.signing(config);
    pgUri = config.postgres().url();
    if (pgUri == null) {
      // a data directory in use is refused in one line (DataDirInUse), which commands tell apart from other refusals
      EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(config.dataDir(), true, true);
      closeables.add(pg);
      pgUri = pg.pgUri();
      // the server's own exit hook stopped PostgreSQL while a stopping node still drained its batches (their commits
      // failed with the connection lost); this one stops the node first, PostgreSQL last, on any JVM exit
      stopOnExit = new Thread(this::close, "hub-node-stop");
      Runtime.getRuntime().addShutdownHook(stopOnExit);
    }
    HubMetrics metrics = HubMetrics.prometheus();
    vertx = shared != null ? shared : await(HazelcastConfigs.clusteredVertx(
        HazelcastConfigs.member(config.hazelcast().clusterName(), config.hazelcast().members(),
            config.hazelcast().port()), new VertxOptions(), metrics.registry(), config.http().requestMetrics()));
    HazelcastInstance hz = ((HazelcastClusterManager) ((io.vertx.core.internal.VertxInternal) vertx).clusterManager())
        .getHazelcastInstance();
    try {
      database = await(Database.open(vertx, pgUri, config.postgres().poolSize()));
    } catch (java.util.concurrent.ExecutionException e) {
      throw new ServiceRefused(config.postgres().url() == null ? "the embedded PostgreSQL"
          : "PostgreSQL at " + Database.where(pgUri) + " (postgres.url, HUB_POSTGRES_URL)", e.getCause());
    }
    // a Vert.x given by the caller (tests share one across their nodes) is the caller's to keep to one database
    if (shared == null) claimCluster(config.hazelcast(), hz, signing);

    services = HubServices.create(vertx, config, conf, signing, database, hz, metrics);
    closeables.add(services.crashRepair());
    closeables.add(services.heap());
    closeables.add(services.revocations());
    // before the first request: a revoked token must not slip through while a node starts
    await(services.revocations().start(config.auth().revocationRefreshSeconds()));
    IdentityProvider identityProvider = services.auth().identityProvider().orElse(null);
    if (identityProvider != null) {
      closeables.add(identityProvider);
      // never fails: a provider out of reach is retried, and only its own tokens wait for it
      await(identityProvider.start());
    }
    await(services.models().load(services.engine()));
    int indexed = await(services.candidateIndex().load());
    HeapAdvice.check(indexed, Runtime.getRuntime().maxMemory()).ifPresent(LOG::warn);
    // says at WARN when the stored records' standardized values and keys come from another standardization
    await(services.restandardizer().check());
    await(services.steward().start());
    ReviewBacklog backlog = new ReviewBacklog(database.pool());
    await(backlog.look());
    metrics.reviewBacklog(backlog::open, backlog::oldestSeconds);

    HubConfig.Kafka kafka = config.kafka();
    List<Health.Check> checks = new ArrayList<>();
    if (identityProvider != null) checks.add(new Health.Check("identityProvider", identityProvider::health));
    checks.add(new Health.Check("postgres", () -> database.pool().query("select 1").execute().map("UP")));
    // with how many members this node sees: a node that left its cluster (or never found it) shows 1
    checks.add(new Health.Check("hazelcast", () -> Future.succeededFuture(
        hz.getLifecycleService().isRunning() ? "UP" : "DOWN").compose(s -> "UP".equals(s) ? Future.succeededFuture(s)
        : Future.failedFuture("hazelcast member is not running")),
        () -> new io.vertx.core.json.JsonObject().put("members", hz.getCluster().getMembers().size())));
    // FULL still serves reads: only new records wait, so the node stays in its load balancer
    checks.add(new Health.Check("heap", () -> Future.succeededFuture(services.heap().high() ? "FULL" : "UP"),
        () -> new io.vertx.core.json.JsonObject().put("usedAfterGc", Math.round(services.heap().usedAfterGc() * 100)
            / 100.0)));
    if (kafka.enabled()) {
      startKafka(config, sourceByTopic, kafkaClient);
      KafkaReachability reach = new KafkaReachability(config.kafka().bootstrap(), kafkaClient);
      closeables.add(reach);
      // with the partitions this node holds: UP with none, as a group may have more nodes than partitions
      checks.add(new Health.Check("kafka", () -> !kafkaIngest.healthy()
          ? Future.failedFuture("the Kafka consumer has not completed a poll yet")
          : reach.probe(vertx.getOrCreateContext()).map("UP"),
          () -> new io.vertx.core.json.JsonObject().put("assignedPartitions", kafkaIngest.assignedPartitions())
              .put("topics", new io.vertx.core.json.JsonArray(kafkaIngest.topics()))));
    } else {
      LOG.warn("Kafka is off (set HUB_KAFKA_BOOTSTRAP to enable it): HTTP and file ingest only");
      checks.add(new Health.Check("kafka", null));
    }
    learning = new ModelLearning(config.upkeep(), services.models(), services.engine(), services.reresolver(),
        services.readModel(), metrics.linkedRecords(), metrics.reresolutions(), services.heap());
    deploy(new UpkeepVerticle(config.upkeep(), services.tierCutoffs(), services.queries(), services.profileStore(),
        services.candidateIndex(), services.readModel(), database.pool(), learning));
    health = new Health(checks);
    drainNotice = config.http().drainNoticeSeconds();
    HttpApiVerticle.Services api = new HttpApiVerticle.Services(config, services.auth(), services.ingest(),
        services.readModel(), services.profileStore(), services.queries(), services.assembler().rules().risk().codes(),
        database.pool(), services.routingAnswers(), health, services.modules(), metrics);
    List<HttpApiVerticle> instances = httpVerticles;
    deployments.add(await(vertx.deployVerticle(() -> {
      HttpApiVerticle v = new HttpApiVerticle(api);
      synchronized (instances) {
        instances.add(v);
      }
      return v;
    }, new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors())))));
    httpPort = instances.get(0).actualPort();
    instances.get(0).watchCertificate();
    publishAddress(config);
    LOG.info("hub node ready on {}://{}:{} in {} ms (PostgreSQL {}, Kafka {})", config.http().tls() ? "https" : "http",
        config.http().host(), httpPort,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), config.postgres().url() == null ? "embedded" : "external",
        kafka.enabled() ? kafka.bootstrap() : "off");
  }

  /**
   * Tells the commands of this data directory where the node answers ({@link NodeAddress}). A directory that cannot
   * take the file costs them only the way to this node when it runs on another port than the configured one.
   */
  private void publishAddress(HubConfig config) {
    String url = NodeAddress.url(config.http().tls(), config.http().host(), httpPort);
    try {
      NodeAddress.write(config.dataDir(), url);
      addressDir = config.dataDir();
      address = url;
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("cannot write {}: bin/hub commands will look for this node on the configured port only ({})",
          NodeAddress.file(config.dataDir()), e.toString());
    }
  }

  /**
   * The certificate and key of HTTPS, readable before anything starts: a file missing was found once PostgreSQL,
   * Hazelcast and the index had started, after a null pointer and a 20 s wait for requests that never came.
   */
  private static void checkReadable(HubConfig config) {
    String[][] files = {{"http.tlsCertFile (HUB_HTTP_TLS_CERT_FILE)", config.http().tlsCertFile()},
        {"http.tlsKeyFile (HUB_HTTP_TLS_KEY_FILE)", config.http().tlsKeyFile()}};
    for (String[] f : files) {
      if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(f[1]))) {
        throw new IllegalArgumentException(f[0] + ": " + f[1] + " cannot be read");
      }
    }
  }

  /**
   * @param sourceByTopic the source each topic feeds ({@link KafkaSetup#sourceByTopic})
   * @param client        the operator's Kafka client settings ({@link KafkaClientProperties})
   */
  private void startKafka(HubConfig config, Map<String, String> sourceByTopic, Map<String, String> client)
      throws Exception {
    HubConfig.Kafka kafka = config.kafka();
    List<String> topics = new ArrayList<>(sourceByTopic.keySet());
    topics.add(kafka.deadLetterTopic());
    topics.add(kafka.changeTopic());
    KafkaSetup.ensureTopics(kafka.bootstrap(), client, topics, kafka.topicPartitions(), kafka.topicReplicationFactor());
    // the node's own, closed with it: a producer shared by name within the Vert.x instance would hand a second node
    // in the same process (a test, an embedded use) the first one's cluster and credentials
    KafkaProducer<String, String> producer = KafkaProducer.create(vertx,
        KafkaSetup.producer(kafka.bootstrap(), client, "customer-hub"));
    this.producer = producer;
    // every send's own future reports its failure to the code that sent it (dead letters, the outbox relay); without
    // a handler Vert.x would log each one a second time as an unhandled exception
    producer.exceptionHandler(err -> LOG.debug("kafka producer: {}", err.toString()));
    // the Kafka clients' own meters on /metrics (sends, errors, request latency; the consumer's lag, below)
    KafkaClientMetrics producerMeters = new KafkaClientMetrics(producer.unwrap());
    producerMeters.bindTo(services.metrics().registry());
    closeables.add(producerMeters);
    kafkaIngest = new KafkaIngestVerticle(services.ingest(),
        KafkaSetup.consumer(kafka.bootstrap(), client, kafka.groupId(), kafka.maxPollRecords()), sourceByTopic,
        new DeadLetters(producer, kafka.deadLetterTopic(), kafka.deadLetterMaxValueBytes(), services.metrics()),
        config.http().maxLineBytes(), services.metrics().registry());
    deploy(kafkaIngest);
    deploy(new OutboxRelayVerticle(database.pool(), producer, kafka.changeTopic(), kafka.outboxBatch(),
        kafka.outboxIntervalMs(), kafka.outboxRetentionHours(), services.metrics()));
  }

  /**
   * Refuses at once a port out of range or taken: found only when the HTTP server binds, after PostgreSQL, Hazelcast
   * and the candidate index had started, it came ten seconds late as a stack trace that did not name the port.
   */
  private static void checkPortFree(String host, int port) throws java.io.IOException {
    String setting = "HTTP port " + port + " on " + host + " (http.port, HUB_HTTP_PORT, --port)";
    if (port < 0 || port > 65535) throw new IllegalArgumentException(setting + ": must be from 0 to 65535");
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true); // as the HTTP server binds: a port left in TIME_WAIT is free to it
      socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(host), port), 1);
    } catch (java.net.BindException taken) {
      throw new ServiceRefused(setting, taken);
    }
  }

  /**
   * Port 0 would give every HTTP verticle instance a random port of its own, and callers would reach only one
   * event loop; a free port chosen once is shared by all instances.
   */
  private static int freePort(String host) throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
  }

  public int httpPort() {
    return httpPort;
  }

  /** Every route the HTTP API answers ({@link HttpApiVerticle#routes()}). */
  public List<String> httpRoutes() {
    return httpVerticles.isEmpty() ? List.of() : httpVerticles.get(0).routes();
  }

  public String pgUri() {
    return pgUri;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** How this node's match model learns from the data (see {@link ModelLearning}). */
  public ModelLearning learning() {
    return learning;
  }

  public HubServices services() {
    return services;
  }

  private void claimCluster(HubConfig.Hazelcast cluster, HazelcastInstance hz, Secrets.Signing signing)
      throws Exception {
    UUID identity = await(database.identity());
    ClusterMembers.claim(hz, ClusterMembers.Self.of(identity, signing.current(), signing.previous())).ifPresent(why -> {
      throw new ServiceRefused("Hazelcast cluster '" + cluster.clusterName() + "' (hazelcast.clusterName, "
          + "HUB_HAZELCAST_CLUSTER_NAME)", new IllegalStateException(why));
    });
  }

  /**
   * Readiness answers 503 from now on; after the notice, no new connection is taken and the requests in flight are
   * answered (for at most {@link #DRAIN_SECONDS}). The notice is what lets a load balancer see the 503: once the
   * server shuts down, Vert.x closes idle keep-alive connections and leaves requests sent on busy ones unanswered.
   */
  private void drainHttp() {
    List<HttpApiVerticle> draining;
    synchronized (httpVerticles) {
      draining = List.copyOf(httpVerticles);
    }
    if (draining.isEmpty()) return;
    health.drain();
    if (drainNotice > 0) {
      LOG.info("stopping: unready, serving on for {} s before taking no new connections", drainNotice);
      try {
        await(vertx.timer(drainNotice, TimeUnit.SECONDS));
      } catch (Exception e) {
        LOG.warn("the notice before draining was cut short: {}", e.getMessage());
      }
    }
    try {
      await(Future.join(draining.stream().map(v -> v.drain(DRAIN_SECONDS)).toList())
          .timeout(DRAIN_SECONDS + 2, TimeUnit.SECONDS));
    } catch (Exception e) {
      LOG.warn("requests still in flight after {} s were cut: {}", DRAIN_SECONDS, e.getMessage());
    }
  }

  public Database database() {
    return database;
  }

  public String token(String subject, List<String> roles) {
    return services.auth().token(subject, roles, 60);
  }

  /**
   * Stops the node, in order: once, however many callers (a command's exit hook and the node's own may run at once);
   * a second caller returns when the first is done, so that what it closes next (the demo's Kafka broker) outlives
   * the node.
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    stop();
    if (stopOnExit != null && Thread.currentThread() != stopOnExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException exiting) {
        // the JVM is exiting: the hook runs, finds the node closed and returns
      }
    }
  }

  private void stop() {
    // first, so that no command picks the node while it stops
    if (address != null) {
      try {
        NodeAddress.remove(addressDir, address);
      } catch (java.io.IOException | RuntimeException e) {
        LOG.warn("cannot remove {}: {}", NodeAddress.file(addressDir), e.toString());
      }
      address = null;
    }
    try {
      if (vertx != null) {
        drainHttp();
        // then the batches under way, while their verticles still run (an undeployed verticle's work fails half-way),
        // so that none is cut between its two transactions by the pool closing
        if (kafkaIngest != null) kafkaIngest.stopTaking();
        if (services != null && services.ingest().underWay() > 0) {
          LOG.info("stopping: waiting for {} ingest calls under way", services.ingest().underWay());
        }
        int cut = services == null ? 0 : await(services.ingest().settled(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS)));
        if (cut > 0) LOG.warn("stopping with {} ingest calls under way: the next node to start finishes them", cut);
        // the verticles before the producer, so that nothing sends on it once it closes
        for (String id : deployments) await(vertx.undeploy(id));
        if (producer != null) await(producer.close(TimeUnit.SECONDS.toMillis(5))); // a broker gone: sends left cut
        if (services != null) {
          // its commits' cache writes are done, or waiting for their repair: the members left repair only then
          if (ownsVertx) services.crashRepair().leaving(services.readModel().repairsPending());
          // and it repairs after no one once its database is closing (it would empty the cache instead)
          services.crashRepair().close();
        }
        if (ownsVertx) await(vertx.close());
        else if (database != null) await(database.close());
      }
    } catch (Exception e) {
      LOG.warn("error while stopping: {}", e.getMessage());
    }
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        LOG.warn("error while stopping: {}", e.getMessage());
      }
    }
  }

  private <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  private void deploy(io.vertx.core.Deployable verticle) throws Exception {
    deployments.add(await(vertx.deployVerticle(verticle)));
  }
}
