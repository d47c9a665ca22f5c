package io.customerhub.config;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The hub's settings, decoded once at start; each is described in README.md, "The settings of hub.json". */
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
   * @param drainNoticeSeconds how long a stopping node goes on serving while {@code /health/ready} answers 503, before
   *                           it stops taking connections: a load balancer that checks readiness needs that long to
   *                           stop sending to it. 0: the node stops taking connections at once
   */
  public record Http(String host, int port, long maxBodyBytes, int maxLinesPerRequest, int maxLineBytes,
                     boolean requestMetrics, boolean console, boolean requireIfMatch, String tlsCertFile,
                     String tlsKeyFile, int tlsReloadSeconds, int drainNoticeSeconds) {
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

  /**
   * @param crashRepairSeconds how far back the member that repairs after a member that died without saying its
   *                           cache writes were done looks for changes ({@code cache.CrashRepair}); 0: it does not
   */
  public record Hazelcast(String clusterName, List<String> members, int port, int crashRepairSeconds) {
    public Hazelcast(String clusterName, List<String> members, int port) {
      this(clusterName, members, port, 600);
    }
  }

  /**
   * @param maxHeapAfterGc the share of the maximum heap in use after a garbage collection beyond which the node
   *                       refuses new records (503 over HTTP, uncommitted on Kafka) until it has room again; 1: never
   */
  public record Resolve(int batchSize, int lockBuckets, int maxAttempts, int maxCandidatesPerKey,
                        double maxHeapAfterGc) {
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
                       int reresolveWindowMinutes, int scheduleCheckSeconds, int rewindCheckSeconds) {
  }

  static HubConfig from(JsonObject json, Path confDir) {
    return from(json, confDir, Map.of());
  }

  /** @param env the environment, for the settings the file leaves out (those it has were overridden already) */
  static HubConfig from(JsonObject json, Path confDir, Map<String, String> env) {
    Decoded decoded = decode(json, confDir, env);
    if (!decoded.unread().isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(HubConfig.class).warn("settings no hub reads, left at their defaults "
          + "(misspelt?): {}", String.join(", ", decoded.unread()));
    }
    HubConfig config = decoded.config();
    if ((config.http.tlsCertFile == null) != (config.http.tlsKeyFile == null)) {
      throw new IllegalArgumentException("http.tlsCertFile (HUB_HTTP_TLS_CERT_FILE) and http.tlsKeyFile "
          + "(HUB_HTTP_TLS_KEY_FILE) go together: give both for HTTPS, or neither");
    }
    return config;
  }

  /** The OIDC section, whose wrong types (a number as text, a section that is a string) are said in one line. */
  private static Oidc oidc(JsonObject auth) {
    try {
      return Oidc.from(auth.getJsonObject("oidc", new JsonObject()));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("auth.oidc: a setting is of the wrong kind (text where a number or a list "
          + "belongs, or the section is no object): " + e.getMessage());
    }
  }

  private static final int MAX = Integer.MAX_VALUE;
  /** Ten years: a longer-lived token is a secret that never expires, and minutes times 60 must fit an int. */
  public static final int MAX_TOKEN_TTL_MINUTES = 10 * 366 * 24 * 60;

  static Decoded decode(JsonObject json, Path confDir, Map<String, String> env) {
    Settings http = new Settings(json, "http", env);
    Settings auth = new Settings(json, "auth", env);
    Settings data = new Settings(json, "data", env);
    Settings pg = new Settings(json, "postgres", env);
    Settings kafka = new Settings(json, "kafka", env);
    Settings hz = new Settings(json, "hazelcast", env);
    Settings resolve = new Settings(json, "resolve", env);
    Settings upkeep = new Settings(json, "upkeep", env);
    JsonObject authJson = json.getJsonObject("auth", new JsonObject());
    String dir = data.text("dir", null);
    Path dataDir = dir == null || dir.isBlank()
        ? Path.of(System.getProperty("user.home"), ".customer-hub") : Path.of(dir);
    HubConfig config = new HubConfig(
        confDir,
        new Http(http.text("host", "127.0.0.1"), http.integer("port", 8080, 0, 65535),
            http.whole("maxBodyBytes", 32L << 20, 1, Long.MAX_VALUE), http.integer("maxLinesPerRequest", 100_000, 1, MAX),
            http.integer("maxLineBytes", 64 << 10, 1, MAX), http.flag("requestMetrics", false),
            http.flag("console", true), http.flag("requireIfMatch", false),
            blankToNull(http.text("tlsCertFile", null)), blankToNull(http.text("tlsKeyFile", null)),
            http.integer("tlsReloadSeconds", 30, 1, MAX), http.integer("drainNoticeSeconds", 0, 0, 60)),
        new Auth(blankToNull(auth.text("jwtSecret", null)),
            auth.list("previousJwtSecrets", List.of()).stream().filter(secret -> !secret.isBlank()).toList(),
            auth.name("issuer", "customer-hub"),
            auth.integer("tokenTtlMinutes", 1440, 1, MAX_TOKEN_TTL_MINUTES),
            oidc(authJson),
            auth.integer("revocationRefreshSeconds", 10, 1, MAX)),
        dataDir,
        new Postgres(blankToNull(pg.text("url", null)), pg.integer("poolSize", 8, 1, 1000)),
        new Kafka(blankToNull(kafka.text("bootstrap", null)), kafka.name("groupId", "customer-hub"),
            kafka.name("deadLetterTopic", "hub.dead-letter"),
            kafka.integer("deadLetterMaxValueBytes", 512 << 10, 0, MAX), kafka.name("changeTopic", "hub.profile-changes"),
            kafka.integer("maxPollRecords", 1000, 1, MAX), kafka.integer("outboxBatch", 500, 1, MAX),
            kafka.whole("outboxIntervalMs", 200L, 1, Long.MAX_VALUE), kafka.integer("outboxRetentionHours", 168, 0, MAX),
            blankToNull(kafka.text("clientConfig", null)), kafka.integer("topicPartitions", 3, 1, MAX),
            kafka.integer("topicReplicationFactor", 0, 0, Short.MAX_VALUE)),
        new Hazelcast(hz.name("clusterName", "customer-hub"),
            members(hz.list("members", List.of("127.0.0.1"))),
            hz.integer("port", 5701, 0, 65535), hz.integer("crashRepairSeconds", 600, 0, MAX)),
        new Resolve(resolve.integer("batchSize", 1000, 1, MAX), resolve.integer("lockBuckets", 1024, 1, MAX),
            resolve.integer("maxAttempts", 5, 1, MAX),
            resolve.integer("maxCandidatesPerKey", 300, 1, MAX), resolve.decimal("maxHeapAfterGc", 0.9, 0.01, 1)),
        new Upkeep(upkeep.integer("tierRefreshSeconds", 60, 0, MAX), upkeep.integer("reassessMinutes", 60, 0, MAX),
            upkeep.integer("reassessBatch", 500, 1, MAX), upkeep.integer("autoTrainMinRecords", 100, 0, MAX),
            upkeep.decimal("autoTrainGrowth", 2.0, 0, Double.MAX_VALUE), upkeep.integer("recoverAfterSeconds", 60, 0, MAX),
            upkeep.integer("learnWhenQuietSeconds", 1, 0, MAX), upkeep.integer("trickleRecordsPerSecond", 100, 0, MAX),
            upkeep.integer("trickleSeconds", 60, 0, MAX), upkeep.integer("relearnMaxRecords", 250_000, 0, MAX),
            upkeep.integer("crosswalkSettleSeconds", 120, 0, MAX), upkeep.integer("analyzeCheckSeconds", 2, 0, MAX),
            timeOfDay(upkeep.text("reresolveAt", "")), upkeep.integer("reresolveWindowMinutes", 60, 1, MAX),
            upkeep.integer("scheduleCheckSeconds", 30, 1, MAX), upkeep.integer("rewindCheckSeconds", 5, 0, MAX)));
    List<String> unread = new java.util.ArrayList<>();
    for (String name : json.fieldNames()) {
      if (!SECTIONS.contains(name)) unread.add(name);
    }
    unread.addAll(http.unread());
    unread.addAll(auth.unread("oidc"));
    unread.addAll(data.unread());
    unread.addAll(pg.unread());
    unread.addAll(kafka.unread());
    unread.addAll(hz.unread());
    unread.addAll(resolve.unread());
    unread.addAll(upkeep.unread());
    return new Decoded(config, List.copyOf(unread));
  }

  /** A configuration, and the settings of its file that nothing reads ({@code http.maxBodyByte}, misspelt). */
  record Decoded(HubConfig config, List<String> unread) {
  }

  /** The sections of hub.json. */
  private static final java.util.Set<String> SECTIONS =
      java.util.Set.of("http", "auth", "data", "postgres", "kafka", "hazelcast", "resolve", "upkeep");

  private static final java.util.regex.Pattern MEMBER =
      java.util.regex.Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?");

  /**
   * The cluster's members, each a host or host:port: a malformed one made Hazelcast pick a network interface of
   * its own and listen on all of them, where the hub listens on loopback unless told otherwise.
   */
  private static List<String> members(List<String> given) {
    List<String> members = given.stream().map(String::strip).toList();
    for (String m : members) {
      if (!MEMBER.matcher(m).matches()) {
        throw new IllegalArgumentException("hazelcast.members (HUB_HAZELCAST_MEMBERS, HUB_HZ_MEMBERS): '" + m
            + "' is no host nor host:port");
      }
    }
    return members;
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
        http.tlsReloadSeconds, http.drainNoticeSeconds),
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
            upkeep.reresolveWindowMinutes, upkeep.scheduleCheckSeconds, upkeep.rewindCheckSeconds));
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
