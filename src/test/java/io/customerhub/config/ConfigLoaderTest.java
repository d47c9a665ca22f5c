package io.customerhub.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

  private static final Path HUB_JSON = Path.of("conf", "hub.json");

  private static HubConfig load(Map<String, String> env) {
    return ConfigLoader.load(HUB_JSON, env);
  }

  @Test
  void defaultsComeFromConfHubJson() {
    HubConfig c = load(Map.of());
    assertEquals(new HubConfig.Http("127.0.0.1", 8080, 33_554_432L, 100_000, 65_536, false, true, false, null, null,
        30, 0),
        c.http());
    assertFalse(c.http().tls());
    assertEquals(new HubConfig.Auth(null, List.of(), "customer-hub", 1440, Oidc.OFF, 10), c.auth());
    assertFalse(c.auth().oidc().enabled());
    assertEquals(new HubConfig.Postgres(null, 8), c.postgres());
    assertEquals(new HubConfig.Kafka(null, "customer-hub", "hub.dead-letter", 524_288, "hub.profile-changes", 1000,
        500, 200L, 168, null, 3, 0), c.kafka());
    assertFalse(c.kafka().enabled());
    assertEquals(new HubConfig.Hazelcast("customer-hub", List.of("127.0.0.1"), 5701), c.hazelcast());
    assertEquals(new HubConfig.Resolve(1000, 1024, 5, 300, 0.9), c.resolve());
    assertEquals(60, c.upkeep().tierRefreshSeconds());
    assertEquals(60, c.upkeep().reassessMinutes());
    assertEquals(500, c.upkeep().reassessBatch());
    assertEquals(Path.of(System.getProperty("user.home"), ".customer-hub"), c.dataDir());
    assertEquals(HUB_JSON.toAbsolutePath().getParent(), c.confDir());
  }

  @Test
  void emptyConfigFallsBackToTheBuiltInDefaults() {
    HubConfig fromFile = load(Map.of());
    HubConfig builtIn = HubConfig.from(new JsonObject(), fromFile.confDir());
    assertEquals(fromFile, builtIn);
  }

  @Test
  void nestedKeysAreOverriddenByHubVariables() {
    HubConfig c = load(Map.of("HUB_HTTP_PORT", "9090", "HUB_HTTP_HOST", "0.0.0.0",
        "HUB_KAFKA_BOOTSTRAP", "broker-1:9092,broker-2:9092", "HUB_POSTGRES_POOL_SIZE", "16",
        "HUB_RESOLVE_MAX_ATTEMPTS", "7", "HUB_KAFKA_GROUP_ID", "hub-eu"));
    assertEquals(9090, c.http().port());
    assertEquals("0.0.0.0", c.http().host());
    assertEquals("broker-1:9092,broker-2:9092", c.kafka().bootstrap());
    assertTrue(c.kafka().enabled());
    assertEquals(16, c.postgres().poolSize());
    assertEquals(7, c.resolve().maxAttempts());
    assertEquals("hub-eu", c.kafka().groupId());
  }

  @Test
  void hazelcastMembersAreACommaList() {
    HubConfig c = load(Map.of("HUB_HAZELCAST_MEMBERS", " 10.0.0.1:5701, 10.0.0.2 ,,10.0.0.3 "));
    assertEquals(List.of("10.0.0.1:5701", "10.0.0.2", "10.0.0.3"), c.hazelcast().members());
  }

  @Test
  void oneHazelcastMemberIsAListOfOne() {
    assertEquals(List.of("hz-1"), load(Map.of("HUB_HAZELCAST_MEMBERS", "hz-1")).hazelcast().members());
  }

  @Test
  void contractAliasesSetTheirLongNames() {
    HubConfig c = load(Map.of("HUB_PG_URL", "postgresql://u:pw@127.0.0.1:5432/hub", "HUB_JWT_SECRET", "s3cret",
        "HUB_HZ_MEMBERS", "a,b", "HUB_HZ_CLUSTER", "prod", "HUB_PORT", "8181"));
    assertEquals("postgresql://u:pw@127.0.0.1:5432/hub", c.postgres().url());
    assertEquals("s3cret", c.auth().jwtSecret());
    assertEquals(List.of("a", "b"), c.hazelcast().members());
    assertEquals("prod", c.hazelcast().clusterName());
    assertEquals(8181, c.http().port());
  }

  @Test
  void longNameWinsOverItsAlias() {
    HubConfig c = load(Map.of("HUB_POSTGRES_URL", "postgresql://long/db", "HUB_PG_URL", "postgresql://alias/db",
        "HUB_HTTP_PORT", "9000", "HUB_PORT", "9001"));
    assertEquals("postgresql://long/db", c.postgres().url());
    assertEquals(9000, c.http().port());
  }

  @Test
  void camelCaseKeysBecomeUpperSnakeVariables() {
    HubConfig c = load(Map.of("HUB_HTTP_MAX_BODY_BYTES", "1048576", "HUB_HTTP_MAX_LINES_PER_REQUEST", "10",
        "HUB_KAFKA_OUTBOX_INTERVAL_MS", "50", "HUB_AUTH_TOKEN_TTL_MINUTES", "5",
        "HUB_KAFKA_DEAD_LETTER_TOPIC", "dlq", "HUB_UPKEEP_TIER_REFRESH_SECONDS", "1", "HUB_DATA_DIR", "/var/lib/hub"));
    assertEquals(1_048_576L, c.http().maxBodyBytes());
    assertEquals(10, c.http().maxLinesPerRequest());
    assertEquals(50L, c.kafka().outboxIntervalMs());
    assertEquals(5, c.auth().tokenTtlMinutes());
    assertEquals("dlq", c.kafka().deadLetterTopic());
    assertEquals(1, c.upkeep().tierRefreshSeconds());
    assertEquals(Path.of("/var/lib/hub"), c.dataDir());
  }

  @ParameterizedTest
  @CsvSource({"port,PORT", "maxBodyBytes,MAX_BODY_BYTES", "tokenTtlMinutes,TOKEN_TTL_MINUTES",
      "outboxIntervalMs,OUTBOX_INTERVAL_MS", "http2Port,HTTP2_PORT", "dir,DIR", "jwtSecret,JWT_SECRET"})
  void snakeCaseOfAKey(String camel, String snake) {
    assertEquals(snake, ConfigLoader.snake(camel));
  }

  @Test
  void numericOverridesAreTrimmed() {
    assertEquals(9090, load(Map.of("HUB_HTTP_PORT", " 9090 ")).http().port());
  }

  @Test
  void blankSecretAndUrlMeanNotSet() {
    HubConfig c = load(Map.of("HUB_JWT_SECRET", "  ", "HUB_PG_URL", "", "HUB_KAFKA_BOOTSTRAP", " "));
    assertNull(c.auth().jwtSecret());
    assertNull(c.postgres().url());
    assertFalse(c.kafka().enabled());
  }

  @Test
  void unrelatedAndWronglyCasedVariablesAreIgnored() {
    HubConfig c = load(Map.of("hub_http_port", "1", "HTTP_PORT", "2", "HUB_HTTP_PORTS", "3", "HUB_PORTAL", "4",
        "PATH", "/usr/bin"));
    assertEquals(load(Map.of()), c);
  }

  @Test
  void overridesReachAnyDepthAndKeepTheValueType() {
    JsonObject json = new JsonObject().put("a", new JsonObject().put("bC", new JsonObject()
        .put("dE", 1).put("ratio", 0.5).put("on", false).put("names", new JsonArray().add("x")).putNull("text")));
    ConfigLoader.applyOverrides(json, "HUB", Map.of("HUB_A_B_C_D_E", "42", "HUB_A_B_C_RATIO", "0.25",
        "HUB_A_B_C_ON", "TRUE", "HUB_A_B_C_NAMES", "p,q", "HUB_A_B_C_TEXT", "hello"));
    JsonObject leaf = json.getJsonObject("a").getJsonObject("bC");
    assertEquals(42L, leaf.getValue("dE"));
    assertEquals(0.25, leaf.getValue("ratio"));
    assertEquals(true, leaf.getValue("on"));
    assertEquals(new JsonArray().add("p").add("q"), leaf.getValue("names"));
    assertEquals("hello", leaf.getValue("text"));
  }

  @Test
  void anObjectIsNotReplacedByAVariableNamingIt() {
    JsonObject json = new JsonObject().put("http", new JsonObject().put("port", 1));
    ConfigLoader.applyOverrides(json, "HUB", Map.of("HUB_HTTP", "oops"));
    assertEquals(new JsonObject().put("http", new JsonObject().put("port", 1)), json);
  }

  @Test
  void httpsTakesTheCertificateAndItsKeyTogether() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> load(Map.of("HUB_HTTP_TLS_CERT_FILE", "/etc/hub/tls.crt")));
    assertTrue(e.getMessage().startsWith("http.tlsCertFile (HUB_HTTP_TLS_CERT_FILE) and http.tlsKeyFile"), e.getMessage());
    HubConfig both = load(Map.of("HUB_HTTP_TLS_CERT_FILE", "/etc/hub/tls.crt", "HUB_HTTP_TLS_KEY_FILE", "/etc/hub/tls.key"));
    assertTrue(both.http().tls());
    assertEquals(443, both.withHttpPort(443).http().port());
    assertEquals("/etc/hub/tls.key", both.withHttpPort(443).http().tlsKeyFile());
  }

  @Test
  void theDailyReresolutionIsOffUnlessATimeOfDayIsNamed() {
    assertNull(load(Map.of()).upkeep().reresolveAt(), "shipped off");
    assertEquals(java.time.LocalTime.of(3, 0), load(Map.of("HUB_UPKEEP_RERESOLVE_AT", "03:00")).upkeep().reresolveAt());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> load(Map.of("HUB_UPKEEP_RERESOLVE_AT", "3am")));
    assertTrue(e.getMessage().startsWith("upkeep.reresolveAt (HUB_UPKEEP_RERESOLVE_AT)"), e.getMessage());
  }

  @Test
  void theRepairAfterADeadMemberLooksTenMinutesBackUnlessTold() {
    assertEquals(600, load(Map.of()).hazelcast().crashRepairSeconds());
    assertEquals(0, load(Map.of("HUB_HAZELCAST_CRASH_REPAIR_SECONDS", "0")).hazelcast().crashRepairSeconds(), "off");
    assertTrue(refusal(Map.of("HUB_HAZELCAST_CRASH_REPAIR_SECONDS", "-1"))
        .startsWith("hazelcast.crashRepairSeconds (HUB_HAZELCAST_CRASH_REPAIR_SECONDS)"));
  }

  @Test
  void theChangeLogIsLookedAtEveryFiveSecondsUnlessTold() {
    assertEquals(5, load(Map.of()).upkeep().rewindCheckSeconds());
    assertEquals(0, load(Map.of("HUB_UPKEEP_REWIND_CHECK_SECONDS", "0")).upkeep().rewindCheckSeconds(), "off");
  }

  private static String refusal(Map<String, String> env) {
    try {
      load(env);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("taken: " + env);
  }

  /** Found by fuzzing the configuration: each of these started a hub that misbehaved later, or in silence. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HUB_RESOLVE_BATCH_SIZE|0|resolve.batchSize (HUB_RESOLVE_BATCH_SIZE): must be from 1",
      "HUB_RESOLVE_LOCK_BUCKETS|0|resolve.lockBuckets (HUB_RESOLVE_LOCK_BUCKETS): must be from 1",
      "HUB_HTTP_PORT|4294985457|http.port (HUB_HTTP_PORT): must be from 0 to 65535",
      "HUB_HTTP_PORT|70000|http.port (HUB_HTTP_PORT): must be from 0 to 65535",
      "HUB_HTTP_MAX_BODY_BYTES|-1|http.maxBodyBytes (HUB_HTTP_MAX_BODY_BYTES): must be from 1",
      "HUB_HTTP_MAX_BODY_BYTES|abc|HUB_HTTP_MAX_BODY_BYTES: must be a number, not 'abc'",
      "HUB_HTTP_CONSOLE|yes|HUB_HTTP_CONSOLE: must be true or false, not 'yes'",
      "HUB_AUTH_TOKEN_TTL_MINUTES|-5|auth.tokenTtlMinutes (HUB_AUTH_TOKEN_TTL_MINUTES): must be from 1",
      "HUB_AUTH_TOKEN_TTL_MINUTES|99999999999|auth.tokenTtlMinutes (HUB_AUTH_TOKEN_TTL_MINUTES): must be from 1",
      "HUB_POSTGRES_POOL_SIZE|-3|postgres.poolSize (HUB_POSTGRES_POOL_SIZE): must be from 1",
      "HUB_HZ_MEMBERS|garbage:::x|hazelcast.members (HUB_HAZELCAST_MEMBERS, HUB_HZ_MEMBERS): 'garbage:::x'",
      "HUB_HAZELCAST_CLUSTER_NAME|' '|hazelcast.clusterName (HUB_HAZELCAST_CLUSTER_NAME): must not be empty",
      "HUB_KAFKA_GROUP_ID|' '|kafka.groupId (HUB_KAFKA_GROUP_ID): must not be empty"})
  void aSettingOutOfRangeOrOfTheWrongKindIsRefusedNamingIt(String variable, String value, String expected) {
    String why = refusal(Map.of(variable, value));
    assertTrue(why.startsWith(expected), why);
  }

  @Test
  void aSettingTheFileLeavesOutStillTakesItsVariable() {
    HubConfig c = HubConfig.from(new JsonObject(), Path.of("conf"),
        Map.of("HUB_HTTP_PORT", "9999", "HUB_PG_URL", "postgresql://x@127.0.0.1:5432/db", "HUB_KAFKA_BOOTSTRAP",
            "127.0.0.1:9092", "HUB_HTTP_REQUIRE_IF_MATCH", "TRUE"));
    assertEquals(9999, c.http().port());
    assertEquals("postgresql://x@127.0.0.1:5432/db", c.postgres().url());
    assertEquals("127.0.0.1:9092", c.kafka().bootstrap());
    assertTrue(c.http().requireIfMatch());
    assertEquals(List.of("127.0.0.1", "hz-2:5702", "[::1]:5701"), load(Map.of("HUB_HZ_MEMBERS",
        "127.0.0.1, hz-2:5702,[::1]:5701")).hazelcast().members());
    assertEquals(List.of("hz-1", "hz-2:5702"), HubConfig.from(new JsonObject(), Path.of("conf"),
        Map.of("HUB_HZ_MEMBERS", "hz-1, hz-2:5702")).hazelcast().members(), "lists too");
  }

  /** Overrides apply to the keys a file has: a hub.json without the OIDC section turned OIDC off in silence. */
  @Test
  void theOidcSettingsTakeTheirVariablesWhereTheFileLeavesTheSectionOut(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("hub.json"), "{\"auth\": {\"issuer\": \"customer-hub\"}}");
    HubConfig c = ConfigLoader.load(file, Map.of("HUB_AUTH_OIDC_ISSUER", "https://login.example.com/realms/acme",
        "HUB_AUTH_OIDC_AUDIENCE", "customer-hub,hub-console"));
    assertTrue(c.auth().oidc().enabled());
    assertEquals(List.of("customer-hub", "hub-console"), c.auth().oidc().audience());
    Path wrong = java.nio.file.Files.writeString(dir.resolve("wrong.json"),
        "{\"auth\": {\"oidc\": {\"issuer\": \"https://x.example.com\", \"audience\": [\"a\"], "
            + "\"leewaySeconds\": \"30\"}}}");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(wrong, Map.of()));
    assertTrue(e.getMessage().startsWith("auth.oidc: a setting is of the wrong kind"), e.getMessage());
  }

  @Test
  void aNumberInTheFileIsCheckedAsWrittenHoweverLarge() {
    for (Object port : List.<Object>of(new java.math.BigInteger("18446744073709559696"), 8080.5, "80x", 1e300)) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> HubConfig.from(new JsonObject().put("http", new JsonObject().put("port", port)), Path.of("conf")));
      assertTrue(e.getMessage().startsWith("http.port (HUB_HTTP_PORT): must be"), e.getMessage());
    }
    assertEquals(8081, HubConfig.from(new JsonObject().put("http", new JsonObject().put("port", "8081")),
        Path.of("conf")).http().port());
    assertEquals(8082, HubConfig.from(new JsonObject().put("http", new JsonObject().put("port", 8082.0)),
        Path.of("conf")).http().port());
  }

  /** A misspelt key left its setting at the default without a word; the shipped file has none. */
  @Test
  void settingsNothingReadsAreNamed() {
    JsonObject shipped = ConfigLoader.read(HUB_JSON);
    assertEquals(List.of(), HubConfig.decode(shipped, Path.of("conf"), Map.of()).unread());
    JsonObject misspelt = shipped.copy().put("htpp", new JsonObject());
    misspelt.getJsonObject("http").put("maxBodyByte", 10);
    misspelt.getJsonObject("resolve").put("batchSise", 10);
    assertEquals(List.of("htpp", "http.maxBodyByte", "resolve.batchSise"),
        HubConfig.decode(misspelt, Path.of("conf"), Map.of()).unread());
  }
}
