package io.customerhub.testing;

import io.customerhub.app.HubNode;
import io.customerhub.config.ConfigLoader;
import io.customerhub.config.HubConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A hub node started in this JVM on the shared test infrastructure ({@link TestInfra}), configured from the real
 * {@code conf/}, and a small HTTP client for its API. Start one per test class and close it in {@code @AfterAll}.
 */
public final class HubTestNode implements AutoCloseable {

  public static final String JWT_SECRET = "a-test-secret-of-at-least-32-characters!!";
  public static final String NDJSON = "application/x-ndjson";

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final HubNode node;
  private final HubConfig config;
  private final Path dataDir;
  /** Whether {@link #dataDir} is the node's own, removed with it; else the test's, which looks at it afterwards. */
  private final boolean ownsDataDir;
  private final String admin;

  private HubTestNode(HubNode node, HubConfig config, Path dataDir, boolean ownsDataDir) {
    this.node = node;
    this.config = config;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.admin = node.token("it-admin", List.of("admin"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A node without Kafka on a new empty database. */
  public static HubTestNode start() {
    return builder().start();
  }

  /** How a node is configured; every option has the default of a plain test node. */
  public static final class Builder {
    private String postgresUrl;
    private KafkaNames kafka;
    private String kafkaBootstrap;
    private final Map<String, String> env = new HashMap<>();
    private boolean ownMember;
    private UnaryOperator<JsonObject> matching;
    private Path dataDir;

    /** Shares a database with another node (default: a fresh one). */
    public Builder postgresUrl(String url) {
      this.postgresUrl = url;
      return this;
    }

    /** Consumes Kafka: the configured sources' topics, renamed to {@code names} so the test class owns them. */
    public Builder kafka(KafkaNames names) {
      this.kafka = names;
      return this;
    }

    /** Consumes Kafka from this broker instead of the shared one (with {@link #kafka} for the topics' names). */
    public Builder kafkaAt(String bootstrap) {
      this.kafkaBootstrap = bootstrap;
      return this;
    }

    /**
     * Runs the node on its own clustered Vert.x and Hazelcast member, joined to the shared test cluster, as a second
     * machine would (default: the shared {@link TestInfra#vertx()}); costs a few seconds.
     */
    public Builder ownHazelcastMember() {
      this.ownMember = true;
      return this;
    }

    /** An environment override as the hub reads it at start, e.g. {@code HUB_HTTP_MAX_BODY_BYTES}. */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /**
     * Learning from the data on, as a young hub ships it but quicker: a look every second once ingest goes quiet,
     * training from {@code minRecords} identity records (off by default in tests, see {@link #start}).
     */
    public Builder learningFrom(int minRecords) {
      return env("HUB_UPKEEP_LEARN_WHEN_QUIET_SECONDS", "1")
          .env("HUB_UPKEEP_AUTO_TRAIN_MIN_RECORDS", Integer.toString(minRecords));
    }

    /** Runs the node on this data directory, left in place when the node closes (default: a new one, removed). */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** Runs the node with {@code conf/matching.json} as {@code edit} changes it (a copy in its data directory). */
    public Builder matching(UnaryOperator<JsonObject> edit) {
      this.matching = edit;
      return this;
    }

    public HubTestNode start() {
      Path dataDir = this.dataDir != null ? this.dataDir : tempDir("customer-hub-it-");
      Path confFile = Path.of("conf", "hub.json");
      Map<String, String> overrides = new HashMap<>(env);
      // a young hub trains and re-resolves once ingest goes quiet: that would move records under a test's feet
      // at a moment it does not choose; ModelLearningIT turns it on
      overrides.putIfAbsent("HUB_UPKEEP_LEARN_WHEN_QUIET_SECONDS", "0");
      // and the minute tick trains from 1,000 records, not from the shipped 100: a test's model changes only when
      // the test asks for it (the classes here hold a few hundred records)
      overrides.putIfAbsent("HUB_UPKEEP_AUTO_TRAIN_MIN_RECORDS", "1000");
      if (kafka != null) {
        confFile = kafka.writeConf(Path.of("conf"), dataDir.resolve("conf"));
        overrides.put("HUB_KAFKA_GROUP_ID", kafka.groupId());
        overrides.put("HUB_KAFKA_DEAD_LETTER_TOPIC", kafka.deadLetterTopic());
        overrides.put("HUB_KAFKA_CHANGE_TOPIC", kafka.changeTopic());
      }
      if (matching != null) confFile = editMatching(confFile, dataDir.resolve("conf"), matching);
      HubConfig config = ConfigLoader.load(confFile, overrides)
          .withPostgresUrl(postgresUrl != null ? postgresUrl : TestInfra.freshDatabase())
          .withKafkaBootstrap(kafka == null ? null : kafkaBootstrap != null ? kafkaBootstrap : TestInfra.kafkaBootstrap())
          // a free port unless the test names one (to find it taken, say)
          .withHttpPort(overrides.containsKey("HUB_HTTP_PORT") ? Integer.parseInt(overrides.get("HUB_HTTP_PORT")) : 0)
          .withDataDir(dataDir)
          .withJwtSecret(JWT_SECRET);
      if (ownMember) {
        int sharedPort = TestInfra.hazelcast().getCluster().getLocalMember().getAddress().getPort();
        config = config.withHazelcast(new HubConfig.Hazelcast(TestInfra.clusterName(),
            List.of("127.0.0.1:" + sharedPort), sharedPort + 1));
      }
      try {
        return new HubTestNode(HubNode.start(config, ownMember ? null : TestInfra.vertx()), config, dataDir,
            this.dataDir == null);
      } catch (Exception e) {
        if (this.dataDir == null) deleteTree(dataDir);
        throw new IllegalStateException("hub node did not start", e);
      }
    }
  }

  /**
   * The configuration of {@code confFile}'s directory, copied to {@code to} unless it is there already (a Kafka
   * node's renamed topics), with its matching.json edited; returns the configuration file there.
   */
  private static Path editMatching(Path confFile, Path to, UnaryOperator<JsonObject> edit) {
    try {
      if (!confFile.startsWith(to)) copyConf(confFile.getParent(), to);
      Path matching = to.resolve("matching.json");
      Files.writeString(matching, edit.apply(new JsonObject(Files.readString(matching))).encodePrettily());
      return to.resolve(confFile.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the configuration to " + to, e);
    }
  }

  /** A copy of the configuration directory {@code from} (the rule files, the source mappings) at {@code to}. */
  public static void copyConf(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) Files.createDirectories(target);
        else Files.copy(file, target);
      }
    }
  }

  public HubNode node() {
    return node;
  }

  public HubConfig config() {
    return config;
  }

  public Path dataDir() {
    return dataDir;
  }

  public int port() {
    return node.httpPort();
  }

  /** The partition of the records into profiles, whatever the profile ids: what re-resolution must keep. */
  public static java.util.Set<java.util.Set<String>> partition(Map<String, String> crosswalk) {
    Map<String, java.util.Set<String>> byProfile = new HashMap<>();
    crosswalk.forEach((record, profile) -> byProfile.computeIfAbsent(profile, p -> new java.util.HashSet<>()).add(record));
    return new java.util.HashSet<>(byProfile.values());
  }

  public String pgUrl() {
    return node.pgUri();
  }

  /** A bearer token for the given roles, signed with the node's key. */
  public String token(String... roles) {
    return node.token("it-" + String.join("-", roles), List.of(roles));
  }

  public String adminToken() {
    return admin;
  }

  // ---- raw HTTP -------------------------------------------------------------------------------------------------

  /** An HTTP answer, read completely. */
  public record Response(int status, HttpHeaders headers, String body) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public JsonObject json() {
      return new JsonObject(body);
    }

    public List<JsonObject> ndjson() {
      List<JsonObject> lines = new ArrayList<>();
      for (String line : body.split("\n")) if (!line.isBlank()) lines.add(new JsonObject(line));
      return lines;
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /**
   * A counter of the node's {@code /metrics} (read as an admin), e.g. {@code counter("hub_auth_refused_total",
   * "status=\"401\"")}; 0 while it has not counted anything.
   */
  public double counter(String name, String labels) {
    return metric(name + "{" + labels + "} ");
  }

  /** A counter without labels, e.g. {@code counter("hub_learning_reresolutions_total")}; 0 while it counted nothing. */
  public double counter(String name) {
    return metric(name + " ");
  }

  private double metric(String prefix) {
    return get("/metrics", adminToken()).body().lines().filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()))).findFirst().orElse(0);
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Response post(String path, String contentType, String body, String token) {
    return send(postRequest(path, contentType, body, token));
  }

  public Response put(String path, String contentType, String body, String token) {
    return send(request(path, token).header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  public Response delete(String path, String token) {
    return send(request(path, token).DELETE().build());
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  /** A POST of {@code body} as these bytes, for bodies in a charset other than UTF-8. */
  public Response post(String path, String contentType, byte[] body, String token) {
    return send(request(path, token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public HttpRequest postRequest(String path, String contentType, String body, String token) {
    return request(path, token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  public static Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("HTTP " + request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static CompletableFuture<Response> sendAsync(HttpRequest request) {
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
  }

  // ---- the API as a test uses it ----------------------------------------------------------------------------------

  /** Posts records as NDJSON with an admin token; asserts 200 and one answer line per record. */
  public List<JsonObject> ingest(String source, Collection<?> records) {
    Response r = post("/api/v1/records/" + source, NDJSON, WireRecords.ndjson(records), admin);
    assertEquals(200, r.status(), () -> "ingest answered " + r);
    List<JsonObject> lines = r.ndjson();
    assertEquals(records.size(), lines.size(), () -> "one answer line per record: " + r);
    return lines;
  }

  /** Ingests records of one source; the source is taken from the first. */
  public List<JsonObject> ingest(WireRecords.Rec... records) {
    return ingest(records[0].source(), List.of(records));
  }

  /** Ingests one record and returns its answer line, which must be accepted. */
  public JsonObject accept(WireRecords.Rec record) {
    JsonObject answer = ingest(record).get(0);
    assertEquals("accepted", answer.getString("status"), () -> "answer for " + record.line() + ": " + answer);
    return answer;
  }

  /** Ingests records of one source in one request; every one must be accepted. */
  public List<JsonObject> acceptAll(WireRecords.Rec... records) {
    List<JsonObject> answers = ingest(records);
    for (int i = 0; i < answers.size(); i++) {
      JsonObject answer = answers.get(i);
      String line = records[i].line();
      assertEquals("accepted", answer.getString("status"), () -> "answer for " + line + ": " + answer);
    }
    return answers;
  }

  public Response profileResponse(String profileId) {
    return get("/api/v1/profiles/" + profileId, admin);
  }

  public Response profileByKeyResponse(String source, String sourceId) {
    return get("/api/v1/profiles/by-key/" + segment(source) + "/" + segment(sourceId), admin);
  }

  /** A path segment, percent-encoded (source ids may hold '/', spaces or any script). */
  public static String segment(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The profile holding a record; asserts that there is one. */
  public JsonObject profileByKey(String source, String sourceId) {
    Response r = profileByKeyResponse(source, sourceId);
    assertEquals(200, r.status(), () -> "profile of " + source + ":" + sourceId + ": " + r);
    return r.json();
  }

  public JsonObject profileByKey(WireRecords.Rec record) {
    return profileByKey(record.source(), record.sourceId());
  }

  public JsonObject profile(String profileId) {
    Response r = profileResponse(profileId);
    assertEquals(200, r.status(), () -> "profile " + profileId + ": " + r);
    return r.json();
  }

  /** Polls an admin job (the {@code Location} its start answered) until it no longer runs; fails after a minute. */
  public JsonObject awaitJob(String location) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonObject state;
    do {
      Response r = get(location, admin);
      assertEquals(200, r.status(), r::toString);
      state = r.json();
      if (!"running".equals(state.getString("state"))) return state;
      sleep(100);
    } while (System.nanoTime() < deadline);
    return fail("the job did not finish in 60 s: " + state.encode());
  }

  /** Polls until the record's profile exists and satisfies {@code condition}; fails after {@code timeout}. */
  public JsonObject awaitProfile(String source, String sourceId, Predicate<JsonObject> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = profileByKeyResponse(source, sourceId);
      if (last.status() == 200 && condition.test(last.json())) return last.json();
      sleep(100);
    }
    return fail("no matching profile of " + source + ":" + sourceId + " within " + timeout + "; last answer " + last);
  }

  /** The crosswalk: profile id by {@code source:sourceId}. */
  public Map<String, String> crosswalk() {
    return crosswalk("/api/v1/crosswalk");
  }

  /** The crosswalk as it is, without letting a young hub that learns when quiet learn first. */
  public Map<String, String> crosswalkAsItIs() {
    return crosswalk("/api/v1/crosswalk?settle=false");
  }

  private Map<String, String> crosswalk(String path) {
    Response r = get(path, admin);
    assertEquals(200, r.status(), () -> "crosswalk: " + r);
    Map<String, String> byKey = new LinkedHashMap<>();
    for (JsonObject line : r.ndjson()) {
      byKey.put(line.getString("source") + ":" + line.getString("sourceId"), line.getString("profileId"));
    }
    return byKey;
  }

  /** The source keys a profile answer lists under {@code records}, as {@code source:sourceId}. */
  public static List<String> recordKeys(JsonObject profile) {
    JsonArray records = profile.getJsonArray("records");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonObject k = records.getJsonObject(i);
      keys.add(k.getString("source") + ":" + k.getString("sourceId"));
    }
    return keys;
  }

  public static String key(WireRecords.Rec record) {
    return record.source() + ":" + record.sourceId();
  }

  /**
   * Closes the node after checking what the schema leaves to the resolver (the crosswalk has no foreign keys, the
   * blocking index lives in memory): every crosswalk row names a stored record and an active profile, and the
   * node's candidate index, caught up, holds exactly the stored identity records. A database this node can no
   * longer reach (an outage test) is not checked.
   */
  @Override
  public void close() {
    try {
      List<String> broken = integrityViolations();
      if (!broken.isEmpty()) throw new AssertionError("database integrity after the test: " + broken);
    } finally {
      node.close();
      if (ownsDataDir) deleteTree(dataDir);
    }
  }

  /**
   * Closes the node first and checks the database after: for a test that stops a node with work under way, which
   * {@link #close()} would check half-done (a batch between its two transactions). The candidate index is gone with
   * the node; the crosswalk is checked.
   */
  public void closeThenCheck() {
    String url = pgUrl();
    try {
      node.close();
    } finally {
      if (ownsDataDir) deleteTree(dataDir);
    }
    io.customerhub.store.Database db = io.customerhub.testing.Futures.await(
        io.customerhub.store.Database.open(TestInfra.vertx(), url, 1));
    try {
      List<String> broken = crosswalkViolations(db.pool());
      if (!broken.isEmpty()) throw new AssertionError("database integrity after the node stopped: " + broken);
    } finally {
      io.customerhub.testing.Futures.await(db.close());
    }
  }

  /**
   * Closes the node without checking the database, for a test whose node stops as a crash would stop it, leaving
   * work for the next node on the database (which {@link #close()} then checks).
   */
  public void closeAsIfCrashed() {
    try {
      node.close();
    } finally {
      if (ownsDataDir) deleteTree(dataDir);
    }
  }

  /** Runs one SQL statement on the node's database, for a test that sets the stage there (a trigger, say). */
  private void sql(String statement) {
    try {
      node.database().pool().query(statement).execute().await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  /** What a test set up in the database, undone when closed. */
  public interface Undo extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Makes PostgreSQL refuse every order of {@code amount} as it refuses a value it cannot store (SQLSTATE 22003),
   * until closed: a value the decoder lets through and the database refuses inside a batch.
   */
  public Undo refusingOrdersOf(String amount) {
    sql("""
        create or replace function refuse_amount() returns trigger language plpgsql as $$
        begin raise exception 'numeric field overflow (test)' using errcode = '22003'; end $$""");
    sql("create trigger refuse_amount before insert on customer_order for each row when (new.amount = " + amount
        + ") execute function refuse_amount()");
    return () -> sql("drop trigger refuse_amount on customer_order");
  }

  private List<String> integrityViolations() {
    List<String> broken;
    try {
      broken = crosswalkViolations(node.database().pool());
    } catch (RuntimeException unreachable) {
      return List.of();
    }
    try {
      broken.addAll(IndexConsistency.violations(node.database().pool(), node.services().candidateIndex()));
    } catch (Exception unreachable) {
      return broken;
    }
    return broken;
  }

  private static List<String> crosswalkViolations(io.vertx.sqlclient.Pool pool) {
    String sql = """
        select (select count(*) from crosswalk c where not exists
                  (select 1 from source_record r where r.source = c.source and r.source_id = c.source_id)),
               (select count(*) from crosswalk c where not exists
                  (select 1 from profile p where p.profile_id = c.profile_id and p.status = 'active')),
               (select count(*) from profile p, json_array_elements(p.body -> 'records') r
                  where p.status = 'active' and json_typeof(p.body -> 'records') = 'array' and not exists
                  (select 1 from crosswalk c where c.source = r ->> 'source' and c.source_id = r ->> 'sourceId'
                     and c.profile_id = p.profile_id))""";
    io.vertx.sqlclient.Row r;
    try {
      r = pool.query(sql).execute().toCompletionStage().toCompletableFuture()
          .get(30, java.util.concurrent.TimeUnit.SECONDS).iterator().next();
    } catch (Exception unreachable) {
      throw new IllegalStateException("the database is out of reach", unreachable);
    }
    List<String> broken = new ArrayList<>();
    if (r.getLong(0) > 0) broken.add(r.getLong(0) + " crosswalk rows without their source record");
    if (r.getLong(1) > 0) broken.add(r.getLong(1) + " crosswalk rows without an active profile");
    // a profile assembled from a record that has left it since (the profile it left was never assembled again)
    if (r.getLong(2) > 0) broken.add(r.getLong(2) + " records named by an active profile the crosswalk puts elsewhere");
    return broken;
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
