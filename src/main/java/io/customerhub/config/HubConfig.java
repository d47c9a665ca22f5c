package io.customerhub.config;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The hub's settings, decoded once at start; see {@code conf/hub.json} for defaults and comments. */
public record HubConfig(Path confDir, Http http, Auth auth, Path dataDir, Postgres postgres, Kafka kafka,
                        Hazelcast hazelcast, Resolve resolve, Upkeep upkeep) {

  /**
   * @param requestMetrics Vert.x's per-request HTTP server meters in {@code /metrics}: off by default, because
   *                       recording them put one routing lookup in a hundred at 4 ms on a 2-core machine (p99 4.2 ms
   *                       against 1.8 ms without, bench/README.md)
   * @param console        the data stewards' console at {@code /console/}: static pages with no data in them, which
   *                       reach the data through the API with the steward's own token
   * @param requireIfMatch   every steward action must name the version it was decided on ({@code If-Match}, or
   *                         {@code version} in a list of decisions), else 428: no client can overwrite blind
   * @param tlsCertFile      with {@code tlsKeyFile}: the server speaks HTTPS only, with this certificate chain (PEM),
   *                         taken again when the files change; null: plain HTTP (behind a proxy that terminates TLS)
   * @param tlsKeyFile       the certificate's private key (PEM, PKCS#8 or PKCS#1)
   * @param tlsReloadSeconds how often the two files are looked at for a renewed certificate
   */
  public record Http(String host, int port, long maxBodyBytes, int maxLinesPerRequest, int maxLineBytes,
                     boolean requestMetrics, boolean console, boolean requireIfMatch, String tlsCertFile,
                     String tlsKeyFile, int tlsReloadSeconds) {
    public boolean tls() {
      return tlsCertFile != null;
    }
  }

  /**
   * {@code jwtSecret} null means: use (or create) the secret file in the data directory. {@code oidc} is the
   * organization's identity provider whose tokens the hub accepts too ({@link Oidc#enabled()}).
   *
   * @param previousJwtSecrets secrets the hub signed with before {@code jwtSecret}: tokens they signed are still
   *                           taken until they expire, so that the secret can be changed without cutting off every
   *                           service at once; nothing new is signed with them
   * @param revocationRefreshSeconds how often a node reads the token revocations again: a token revoked through
   *                                 another node is refused here at most this long after
   */
  public record Auth(String jwtSecret, List<String> previousJwtSecrets, String issuer, int tokenTtlMinutes,
                     Oidc oidc, int revocationRefreshSeconds) {
    public Auth {
      if (revocationRefreshSeconds < 1) {
        throw new IllegalArgumentException("auth.revocationRefreshSeconds must be at least 1, not "
            + revocationRefreshSeconds);
      }
    }
  }

  /** {@code url} null means: run the embedded PostgreSQL under the data directory. */
  public record Postgres(String url, int poolSize) {
  }

  /**
   * {@code bootstrap} null means: Kafka is off (HTTP and file ingest still work).
   *
   * @param deadLetterMaxValueBytes a dead letter carries at most this much of the refused value (UTF-8 bytes; the
   *                                rest stays in the source topic): below Kafka's default message limit of 1 MB
   *                                with room for the key and headers, because a dead letter that cannot be written
   *                                would stop its partition
   * @param outboxRetentionHours    how long published change events stay in the outbox (0: for ever)
   * @param clientConfig            a Kafka client properties file (security.protocol, sasl.*, ssl.*, …) every
   *                                client of the hub takes, or null ({@link KafkaClientProperties})
   * @param topicPartitions         partitions of the topics the hub creates when they are missing
   * @param topicReplicationFactor  their replicas; 0: the cluster's {@code default.replication.factor}
   */
  public record Kafka(String bootstrap, String groupId, String deadLetterTopic, int deadLetterMaxValueBytes,
                      String changeTopic, int maxPollRecords, int outboxBatch, long outboxIntervalMs,
                      int outboxRetentionHours, String clientConfig, int topicPartitions,
                      int topicReplicationFactor) {
    public boolean enabled() {
      return bootstrap != null && !bootstrap.isBlank();
    }
  }

  public record Hazelcast(String clusterName, List<String> members, int port) {
  }

  public record Resolve(int batchSize, int lockBuckets, String defaultRegion, int maxAttempts, int maxCandidatesPerKey) {
  }

  /**
   * Time alone changes profiles (12-month value, dormancy, tier cut-offs): how often they are brought up to date.
   * Also when the match model learns from the data by itself: once {@code autoTrainMinRecords} identity records
   * are stored, and again whenever their number grew by {@code autoTrainGrowth} since the last training.
   *
   * @param recoverAfterSeconds     profiles a batch linked but did not recompute (it stopped between its two
   *                                transactions) are recomputed once their mark is this old, checked as often
   * @param learnWhenQuietSeconds   how often a young hub looks whether ingest has gone quiet since its last look;
   *                                if so, it trains when due and re-resolves every record with a model it has not
   *                                re-resolved with yet (0: never; then training waits for the tier refresh tick)
   * @param trickleRecordsPerSecond ingest at no more than this many records a second for {@code trickleSeconds}
   *                                counts as quiet too (0: only silence does): a stream that never stops must not
   *                                keep a young hub from learning for ever
   * @param trickleSeconds          how long such a trickle lasts before the hub learns, and between two of its
   *                                learnings at most
   * @param relearnMaxRecords       a hub is young while it holds at most this many identity records: beyond,
   *                                re-resolution takes long enough to be the operator's call
   * @param crosswalkSettleSeconds  a crosswalk read from a young hub that learns when quiet waits at most this
   *                                long for it to learn from what it was given first (0: never waits): reading
   *                                the crosswalk says the load is over, and its export should not be the one of
   *                                records linked before the model had seen them
   * @param analyzeCheckSeconds     how often the hub looks whether the tables ingest joins grew enough since
   *                                PostgreSQL last analyzed them to analyze them now (0: left to autovacuum)
   */
  public record Upkeep(int tierRefreshSeconds, int reassessMinutes, int reassessBatch, int autoTrainMinRecords,
                       double autoTrainGrowth, int recoverAfterSeconds, int learnWhenQuietSeconds,
                       int trickleRecordsPerSecond, int trickleSeconds, int relearnMaxRecords,
                       int crosswalkSettleSeconds, int analyzeCheckSeconds, LocalTime reresolveAt,
                       int reresolveWindowMinutes, int scheduleCheckSeconds) {
  }

  static HubConfig from(JsonObject json, Path confDir) {
    HubConfig config = decode(json, confDir);
    if ((config.http.tlsCertFile == null) != (config.http.tlsKeyFile == null)) {
      throw new IllegalArgumentException("http.tlsCertFile (HUB_HTTP_TLS_CERT_FILE) and http.tlsKeyFile "
          + "(HUB_HTTP_TLS_KEY_FILE) go together: give both for HTTPS, or neither");
    }
    return config;
  }

  private static HubConfig decode(JsonObject json, Path confDir) {
    JsonObject http = json.getJsonObject("http", new JsonObject());
    JsonObject auth = json.getJsonObject("auth", new JsonObject());
    JsonObject data = json.getJsonObject("data", new JsonObject());
    JsonObject pg = json.getJsonObject("postgres", new JsonObject());
    JsonObject kafka = json.getJsonObject("kafka", new JsonObject());
    JsonObject hz = json.getJsonObject("hazelcast", new JsonObject());
    JsonObject resolve = json.getJsonObject("resolve", new JsonObject());
    JsonObject upkeep = json.getJsonObject("upkeep", new JsonObject());
    String dir = data.getString("dir");
    Path dataDir = dir == null || dir.isBlank()
        ? Path.of(System.getProperty("user.home"), ".customer-hub") : Path.of(dir);
    return new HubConfig(
        confDir,
        new Http(http.getString("host", "127.0.0.1"), http.getInteger("port", 8080),
            http.getLong("maxBodyBytes", 32L << 20), http.getInteger("maxLinesPerRequest", 100_000),
            http.getInteger("maxLineBytes", 64 << 10), http.getBoolean("requestMetrics", false),
            http.getBoolean("console", true), http.getBoolean("requireIfMatch", false),
            blankToNull(http.getString("tlsCertFile")), blankToNull(http.getString("tlsKeyFile")),
            http.getInteger("tlsReloadSeconds", 30)),
        new Auth(blankToNull(auth.getString("jwtSecret")),
            auth.getJsonArray("previousJwtSecrets", new io.vertx.core.json.JsonArray()).stream().map(String::valueOf)
                .filter(secret -> !secret.isBlank()).toList(),
            auth.getString("issuer", "customer-hub"),
            auth.getInteger("tokenTtlMinutes", 1440), Oidc.from(auth.getJsonObject("oidc", new JsonObject())),
            auth.getInteger("revocationRefreshSeconds", 10)),
        dataDir,
        new Postgres(blankToNull(pg.getString("url")), pg.getInteger("poolSize", 8)),
        new Kafka(blankToNull(kafka.getString("bootstrap")), kafka.getString("groupId", "customer-hub"),
            kafka.getString("deadLetterTopic", "hub.dead-letter"),
            kafka.getInteger("deadLetterMaxValueBytes", 512 << 10), kafka.getString("changeTopic", "hub.profile-changes"),
            kafka.getInteger("maxPollRecords", 1000), kafka.getInteger("outboxBatch", 500),
            kafka.getLong("outboxIntervalMs", 200L), kafka.getInteger("outboxRetentionHours", 168),
            blankToNull(kafka.getString("clientConfig")), kafka.getInteger("topicPartitions", 3),
            kafka.getInteger("topicReplicationFactor", 0)),
        new Hazelcast(hz.getString("clusterName", "customer-hub"),
            hz.getJsonArray("members", new io.vertx.core.json.JsonArray().add("127.0.0.1")).stream()
                .map(String::valueOf).toList(),
            hz.getInteger("port", 5701)),
        new Resolve(resolve.getInteger("batchSize", 1000), resolve.getInteger("lockBuckets", 1024),
            resolve.getString("defaultRegion", "CN"), resolve.getInteger("maxAttempts", 5),
            resolve.getInteger("maxCandidatesPerKey", 300)),
        new Upkeep(upkeep.getInteger("tierRefreshSeconds", 60), upkeep.getInteger("reassessMinutes", 60),
            upkeep.getInteger("reassessBatch", 500), upkeep.getInteger("autoTrainMinRecords", 100),
            upkeep.getDouble("autoTrainGrowth", 2.0), upkeep.getInteger("recoverAfterSeconds", 60),
            upkeep.getInteger("learnWhenQuietSeconds", 1), upkeep.getInteger("trickleRecordsPerSecond", 100),
            upkeep.getInteger("trickleSeconds", 60), upkeep.getInteger("relearnMaxRecords", 250_000),
            upkeep.getInteger("crosswalkSettleSeconds", 120), upkeep.getInteger("analyzeCheckSeconds", 2),
            timeOfDay(upkeep.getString("reresolveAt", "")), upkeep.getInteger("reresolveWindowMinutes", 60),
            upkeep.getInteger("scheduleCheckSeconds", 30)));
  }

  /** "HH:MM" in UTC, or null for none (empty); anything else is refused naming the setting. */
  private static LocalTime timeOfDay(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return LocalTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("upkeep.reresolveAt (HUB_UPKEEP_RERESOLVE_AT): a time of day in UTC such "
          + "as \"03:00\", or empty for none, not \"" + text + "\"");
    }
  }

  public HubConfig withHttpPort(int port) {
    return new HubConfig(confDir, new Http(http.host, port, http.maxBodyBytes, http.maxLinesPerRequest,
        http.maxLineBytes, http.requestMetrics, http.console, http.requireIfMatch, http.tlsCertFile, http.tlsKeyFile,
        http.tlsReloadSeconds),
        auth, dataDir, postgres, kafka,
        hazelcast, resolve, upkeep);
  }

  public HubConfig withPostgresUrl(String url) {
    return new HubConfig(confDir, http, auth, dataDir, new Postgres(url, postgres.poolSize), kafka, hazelcast, resolve, upkeep);
  }

  public HubConfig withKafkaBootstrap(String bootstrap) {
    return new HubConfig(confDir, http, auth, dataDir, postgres, new Kafka(bootstrap, kafka.groupId,
        kafka.deadLetterTopic, kafka.deadLetterMaxValueBytes, kafka.changeTopic, kafka.maxPollRecords,
        kafka.outboxBatch, kafka.outboxIntervalMs, kafka.outboxRetentionHours, kafka.clientConfig,
        kafka.topicPartitions, kafka.topicReplicationFactor),
        hazelcast, resolve, upkeep);
  }

  public HubConfig withHazelcast(Hazelcast hz) {
    return new HubConfig(confDir, http, auth, dataDir, postgres, kafka, hz, resolve, upkeep);
  }

  /** The same, with a young hub's learning after ingest goes quiet off: callers that decide when it learns. */
  public HubConfig withoutLearningWhenQuiet() {
    return new HubConfig(confDir, http, auth, dataDir, postgres, kafka, hazelcast, resolve,
        new Upkeep(upkeep.tierRefreshSeconds, upkeep.reassessMinutes, upkeep.reassessBatch,
            upkeep.autoTrainMinRecords, upkeep.autoTrainGrowth, upkeep.recoverAfterSeconds, 0,
            upkeep.trickleRecordsPerSecond, upkeep.trickleSeconds, upkeep.relearnMaxRecords,
            upkeep.crosswalkSettleSeconds, upkeep.analyzeCheckSeconds, upkeep.reresolveAt,
            upkeep.reresolveWindowMinutes, upkeep.scheduleCheckSeconds));
  }

  public HubConfig withDataDir(Path dir) {
    return new HubConfig(confDir, http, auth, dir, postgres, kafka, hazelcast, resolve, upkeep);
  }

  public HubConfig withJwtSecret(String secret) {
    return new HubConfig(confDir, http, new Auth(secret, auth.previousJwtSecrets, auth.issuer, auth.tokenTtlMinutes,
        auth.oidc, auth.revocationRefreshSeconds), dataDir,
        postgres, kafka, hazelcast, resolve, upkeep);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
