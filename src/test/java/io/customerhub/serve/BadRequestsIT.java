package io.customerhub.serve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.customerhub.testing.HubTestNode.NDJSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product rule for bad input: every malformed request (paths, bodies, query parameters, content types, methods,
 * tokens) is answered with a 4xx {@code application/problem+json} that says what is wrong, never a 500 or a hang.
 * Each test sends its whole list of requests and reports every request that broke the rule at once.
 */
class BadRequestsIT extends OneHubPerClass {

  private static final String JSON = "application/json";
  private static final Duration HANG = Duration.ofSeconds(20);
  /** Path segments no id or source key is made of. */
  private static final List<String> BAD_SEGMENTS = List.of("not-a-uuid", "%00", "a%00b", "a%2Fb", "%2F", "..%2F..",
      "x".repeat(10_000), "%E5%BC%A0%E4%BC%9F", "%F0%9F%98%80", "%FF%FE", "123", "-1",
      "00000000-0000-0000-0000-00000000000G", "%20");
  /** Bodies that are no JSON object, or an object with fields of the wrong kind. */
  private static final List<String> BAD_BODIES = List.of("", " ", "null", "[]", "[{}]", "\"text\"", "42", "1e400",
      "true", "{", "{\"a\":", "{}", "\u0000", "{\"a\":1e400}", nested(10_000, "[", "]"),
      nested(10_000, "{\"a\":", "}"), "{\"a\":\"\u0000\"}", "\uFEFF{}");

  private static String reader, router, steward, ingest, admin;
  private static String profileId, otherProfileId;
  private static Rec customer;

  @BeforeAll
  static void someData() {
    reader = hub.token("reader");
    router = hub.token("router");
    steward = hub.token("steward");
    ingest = hub.token("ingest");
    admin = hub.adminToken();
    customer = WireRecords.person("crm", WireRecords.uniqueId("B")).name("Ada", "Byron")
        .emails(WireRecords.uniqueEmail("ada")).updatedAt(WireRecords.at(0));
    profileId = hub.accept(customer).getString("profileId");
    otherProfileId = hub.accept(WireRecords.person("crm", WireRecords.uniqueId("B")).name("Bo", "Lin")
        .emails(WireRecords.uniqueEmail("bo")).updatedAt(WireRecords.at(0))).getString("profileId");
  }

  private static String nested(int depth, String open, String close) {
    return open.repeat(depth) + (open.startsWith("{") ? "1" : "") + close.repeat(depth);
  }

  // ---- the rule -------------------------------------------------------------------------------------------------

  private final List<String> broken = new ArrayList<>();

  private void expect(String what, HttpRequest.Builder request) {
    Response r;
    try {
      r = HubTestNode.send(request.timeout(HANG).build());
    } catch (UncheckedIOException e) {
      broken.add(what + " -> no answer: " + e.getCause());
      return;
    }
    boolean problem = r.contentType() != null && r.contentType().startsWith(Problems.CONTENT_TYPE);
    if (r.status() >= 500) broken.add(what + " -> " + r);
    else if (r.status() >= 400 && !problem) broken.add(what + " -> not problem+json: " + r);
    else if (r.status() >= 400 && !r.json().containsKey("detail")) broken.add(what + " -> no detail: " + r);
  }

  private void get(String path, String token) {
    expect("GET " + brief(path), hub.request(path, token).GET());
  }

  private void send(String method, String path, String contentType, String body, String token) {
    HttpRequest.Builder b = hub.request(path, token)
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) b.header("Content-Type", contentType);
    expect(method + " " + brief(path) + " " + (contentType == null ? "" : contentType + " ") + brief(body), b);
  }

  private static String brief(String s) {
    String shown = s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    return shown.replace("\u0000", "\\0");
  }

  private void assertNoneBroken() {
    assertTrue(broken.isEmpty(), () -> broken.size() + " requests broke the rule:\n" + String.join("\n", broken));
  }

  // ---- paths --------------------------------------------------------------------------------------------------

  @Test
  void badPathSegments() {
    for (String s : BAD_SEGMENTS) {
      get("/api/v1/profiles/" + s, admin);
      get("/api/v1/profiles/" + s + "?lineage=true", admin);
      get("/api/v1/profiles/" + s + "/explain", admin);
      get("/api/v1/profiles/by-key/" + s + "/" + s, admin);
      get("/api/v1/profiles/by-key/crm/" + s, admin);
      get("/api/v1/routing/" + s + "/" + s, admin);
      get("/api/v1/routing/crm/" + s, router);
      get("/api/v1/admin/jobs/" + s, admin);
      get("/api/v1/admin/models/" + s, admin);
      get("/api/v1/admin/models/" + s + "/agreement", admin);
      send("POST", "/api/v1/admin/models/" + s + "/restore", JSON, "{\"note\":\"n\"}", admin);
      send("POST", "/api/v1/records/" + s, NDJSON, customer.line() + "\n", admin);
      send("POST", "/api/v1/reviews/" + s + "/decision", JSON, "{\"decision\":\"merge\"}", admin);
      get("/api/v1/reviews/" + s, admin);
      get("/api/v1/match/" + s + "/" + s + "/crm/" + s, admin);
      get("/api/v1/match/crm/" + s + "/" + s + "/" + s, admin);
      send("POST", "/api/v1/profiles/" + s + "/merge", JSON, "{\"with\":\"" + otherProfileId + "\"}", admin);
      send("POST", "/api/v1/profiles/" + s + "/split", JSON, "{\"records\":[]}", admin);
      send("PUT", "/api/v1/profiles/" + s + "/overrides/givenName", JSON, "{\"value\":\"X\"}", admin);
      send("PUT", "/api/v1/profiles/" + profileId + "/overrides/" + s, JSON, "{\"value\":\"X\"}", admin);
      send("DELETE", "/api/v1/profiles/" + profileId + "/overrides/" + s, null, "", admin);
      send("DELETE", "/api/v1/profiles/" + s + "/overrides/givenName", null, "", admin);
    }
    assertNoneBroken();
  }

  /** What no HTTP client library lets through: malformed escapes and raw bytes, sent over a plain socket. */
  @Test
  void pathsOnlyARawClientSends() throws Exception {
    for (String target : List.of("/api/v1/profiles/%", "/api/v1/profiles/%zz", "/api/v1/profiles/by-key/crm/%",
        "/api/v1/routing/crm/%G0", "/api/v1/profiles/\u00e9", "/api/v1/profiles/a b", "/api/v1/reviews?limit=%",
        "/api/v1/audit?subject=%zz", "*", "/api/v1/profiles/" + profileId + "/../../crosswalk")) {
      String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
          + "\r\nConnection: close\r\n\r\n";
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", hub.port())) {
        socket.setSoTimeout((int) HANG.toMillis());
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String head = answer.split("\r\n\r\n", 2)[0];
        int status = Integer.parseInt(head.substring(9, 12));
        boolean problem = head.toLowerCase(java.util.Locale.ROOT).contains("content-type: " + Problems.CONTENT_TYPE);
        if (status >= 500 || status >= 400 && !problem) broken.add("raw GET " + brief(target) + " -> " + brief(answer));
      } catch (java.io.IOException e) {
        broken.add("raw GET " + brief(target) + " -> no answer: " + e);
      }
    }
    assertNoneBroken();
  }

  // ---- bodies ---------------------------------------------------------------------------------------------------

  @Test
  void badBodies() {
    String unknownProfile = java.util.UUID.randomUUID().toString();
    for (String body : BAD_BODIES) {
      for (String ct : new String[] {JSON, "text/plain", null}) {
        send("POST", "/api/v1/match", ct, body, admin);
        send("POST", "/api/v1/profiles/search", ct, body, admin);
        send("POST", "/api/v1/reviews/decisions", ct, body, admin);
        send("POST", "/api/v1/priorities", ct, body, admin);
        send("POST", "/api/v1/reviews/1/decision", ct, body, admin);
        send("POST", "/api/v1/profiles/" + unknownProfile + "/merge", ct, body, admin);
        send("POST", "/api/v1/profiles/" + unknownProfile + "/split", ct, body, admin);
        send("PUT", "/api/v1/profiles/" + unknownProfile + "/overrides/givenName", ct, body, admin);
        send("POST", "/api/v1/records/crm", ct, body, admin);
      }
    }
    // train takes no body: what one brings is ignored
    send("POST", "/api/v1/admin/train", "text/plain", "\u0000", admin);
    assertNoneBroken();
  }

  @Test
  void fieldsOfTheWrongType() {
    List<Object> wrong = List.of(42, 1.5, true, new JsonObject().put("a", 1), new JsonArray().add(1), "",
        "\u0000", "x".repeat(100_000), "%00", -1, Long.MAX_VALUE, "-999999999-01-01T00:00:00Z");
    String p = "/api/v1/profiles/" + profileId;
    for (Object v : wrong) {
      String value = new JsonArray().add(v).encode();
      value = value.substring(1, value.length() - 1);
      for (String tmpl : List.of("{\"left\":%s,\"right\":{}}", "{\"left\":{\"givenName\":%s},\"right\":{\"givenName\":%s}}",
          "{\"left\":{\"birthDate\":%s,\"emails\":%s,\"addresses\":%s},\"right\":{\"phones\":%s,\"kind\":%s,\"source\":%s}}",
          "{\"left\":{\"sourceId\":%s,\"updatedAt\":%s,\"attributes\":%s},\"right\":{\"kind\":\"organization\",\"name\":%s}}",
          "{\"left\":{\"birthDate\":1e400,\"kind\":\"person\"},\"right\":{\"customerRef\":%s,\"kind\":\"order\",\"order\":%s}}")) {
        send("POST", "/api/v1/match", JSON, tmpl.replace("%s", value), admin);
      }
      send("POST", "/api/v1/priorities", JSON, "{\"items\":" + value + "}", admin);
      send("POST", "/api/v1/priorities", JSON, "{\"items\":[" + value + "]}", admin);
      send("POST", "/api/v1/priorities", JSON, ("{\"items\":[{\"id\":%s,\"type\":%s,\"createdAt\":%s,"
          + "\"customer\":{\"source\":%s,\"sourceId\":%s}}]}").replace("%s", value), admin);
      send("POST", "/api/v1/priorities", JSON, ("{\"items\":[{\"id\":\"1\",\"type\":\"call\",\"createdAt\":\"2024-01-01T00:00:00Z\","
          + "\"customer\":{\"source\":%s,\"sourceId\":\"x\"}}]}").replace("%s", value), admin);
      send("POST", "/api/v1/priorities", JSON, ("{\"items\":[{\"id\":\"1\",\"type\":\"call\",\"createdAt\":\"2024-01-01T00:00:00Z\","
          + "\"customer\":{\"source\":\"crm\",\"sourceId\":%s}}]}").replace("%s", value), admin);
      send("POST", "/api/v1/priorities", JSON, ("{\"items\":[{\"id\":\"1\",\"type\":\"call\",\"createdAt\":%s,"
          + "\"customer\":{\"source\":\"crm\",\"sourceId\":\"x\"}}]}").replace("%s", value), admin);
      send("POST", "/api/v1/reviews/1/decision", JSON, "{\"decision\":" + value + ",\"note\":" + value + "}", admin);
      send("POST", "/api/v1/reviews/1/decision", JSON, "{\"decision\":\"merge\",\"note\":" + value + "}", admin);
      send("POST", "/api/v1/reviews/decisions", JSON, "{\"decisions\":" + value + "}", admin);
      send("POST", "/api/v1/reviews/decisions", JSON, "{\"decisions\":[" + value + "]}", admin);
      send("POST", "/api/v1/reviews/decisions", JSON, ("{\"decisions\":[{\"id\":%s,\"decision\":%s,\"note\":%s}]}")
          .replace("%s", value), admin);
      send("POST", "/api/v1/profiles/search", JSON, "{\"givenName\":" + value + ",\"birthDate\":" + value
          + ",\"emails\":" + value + ",\"addresses\":" + value + ",\"kind\":" + value + "}", admin);
      send("POST", "/api/v1/profiles/search", JSON, "{\"phones\":[" + value + "],\"source\":" + value
          + ",\"sourceId\":" + value + ",\"links\":" + value + "}", admin);
      send("POST", p + "/merge", JSON, "{\"with\":" + value + ",\"note\":" + value + "}", admin);
      send("POST", p + "/merge", JSON, "{\"with\":\"" + otherProfileId + "\",\"note\":" + value + "}", steward);
      send("POST", p + "/split", JSON, "{\"records\":" + value + "}", admin);
      send("POST", p + "/split", JSON, "{\"records\":[" + value + "]}", admin);
      send("POST", p + "/split", JSON, "{\"records\":[{\"source\":" + value + ",\"sourceId\":" + value + "}]}", admin);
      send("POST", p + "/split", JSON, "{\"records\":[{\"source\":\"crm\",\"sourceId\":\"nope\"}],\"note\":"
          + value + "}", admin);
      for (String attr : List.of("givenName", "birthDate", "emails", "phones", "addresses", "attributes.tier",
          "attributes.x", "gender")) {
        send("PUT", p + "/overrides/" + attr, JSON, "{\"value\":" + value + ",\"note\":" + value + "}", admin);
        send("PUT", p + "/overrides/" + attr, JSON, "{\"value\":[" + value + "]}", admin);
        send("PUT", p + "/overrides/" + attr, JSON, "{\"value\":[{\"line1\":" + value + ",\"country\":" + value + "}]}", admin);
      }
      send("POST", "/api/v1/records/crm", NDJSON, "{\"sourceId\":" + value + ",\"kind\":\"person\",\"givenName\":"
          + value + "}\n", admin);
    }
    assertNoneBroken();
  }

  /** Found by fuzzing: values valid JSON and HTTP allow that no double, charset table or UTF-8 holds. */
  @Test
  void numbersCharsetsAndTextNothingCanHold() {
    for (String body : List.of("{\"left\":{\"fullName\":\"Anna Fuzz\",\"phones\":[1e400]},\"right\":{\"fullName\":\"Ann\"}}",
        "{\"left\":{\"sourceId\":1e400,\"taxId\":-1E+999,\"postcode\":1" + "0".repeat(400) + ".5},\"right\":{}}",
        "{\"left\":{\"fullName\":\"lone\\ud802\"},\"right\":{}}")) {
      send("POST", "/api/v1/match", JSON, body, admin);
    }
    send("POST", "/api/v1/profiles/search", JSON, "{\"fullName\":\"Anna Fuzz\",\"nationalId\":1e400}", reader);
    send("POST", "/api/v1/profiles/search", JSON, "{\"fullName\":\"x\\udc00\"}", reader);
    for (String ct : List.of("application/json; charset=\"", "application/json; charset=nonexistent",
        "application/json; charset=\"\"", "application/json; charset=", "application/json;charset=UTF-8;charset=x")) {
      send("POST", "/api/v1/match", ct, "{\"left\":{},\"right\":{}}", admin);
      send("POST", "/api/v1/records/crm", ct, "{\"sourceId\":\"x\"}", admin);
      send("POST", "/api/v1/profiles/search", ct, "{\"fullName\":\"Anna\"}", admin);
      send("POST", "/api/v1/admin/revocations", ct, "{\"subject\":\"nobody\"}", admin);
      send("POST", "/api/v1/priorities", ct, "{\"items\":[]}", admin);
    }
    for (String after : List.of("1e999999999:1", "1E%2B2147483647:1", "9".repeat(50) + ":1")) {
      get("/api/v1/reviews?order=value&after=" + after, steward);
    }
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    for (String payload : List.of("{\"jti\":\"w\",\"exp\":1e19}", "{\"jti\":\"w\",\"exp\":-5}",
        "{\"jti\":\"w\",\"exp\":\"tomorrow\"}", "{\"jti\":\"a\\u0000b\"}", "{\"jti\":\"" + "j".repeat(5000) + "\"}")) {
      String token = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
          + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".x";
      send("POST", "/api/v1/admin/revocations", JSON, new JsonObject().put("token", token).encode(), admin);
    }
    assertNoneBroken();
  }

  /**
   * A token signed with the hub's key whose times mean nothing, or whose subject or id is no text, is refused as
   * any bad token is: 401, not 500, nor an audit trail naming {@code 42}.
   */
  @Test
  void aTokenWhoseTimesAreNoTimesIsUnauthorized() {
    JWTAuth sameKey = JWTAuth.create(TestInfra.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(HubTestNode.JWT_SECRET)));
    JWTOptions hs = new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true);
    long future = System.currentTimeMillis() / 1000 + 300;
    List<JsonObject> claims = List.of(new JsonObject().put("exp", "tomorrow"), new JsonObject().put("exp", 1e30),
        new JsonObject().put("exp", Long.MAX_VALUE), new JsonObject().put("exp", future).put("iat", "x"),
        new JsonObject().put("exp", future).put("iat", 1e30), new JsonObject().put("exp", future).put("nbf", "soon"),
        new JsonObject().put("exp", future).put("sub", 42), new JsonObject().put("exp", future).put("jti", 7));
    for (JsonObject c : claims) {
      String token = sameKey.generateToken(new JsonObject().put("iss", "customer-hub").put("sub", "fuzz")
          .put("roles", new JsonArray().add("admin")).mergeIn(c), hs);
      for (String path : List.of("/api/v1/me", "/api/v1/routing/crm/x", "/api/v1/profiles/" + profileId)) {
        Response r = hub.get(path, token);
        if (r.status() != 401) broken.add("GET " + path + " with " + c.encode() + " -> " + r);
      }
    }
    assertNoneBroken();
  }

  // ---- query parameters -----------------------------------------------------------------------------------------

  @Test
  void badQueryParameters() {
    List<String> bad = List.of("-1", "0", "abc", "1000000000000", "99999999999999999999999", "1e3", "%00", "", "1.5",
        "%E2%88%9E", "x".repeat(5000), "1&limit=2");
    for (String v : bad) {
      get("/api/v1/reviews?limit=" + v, steward);
      get("/api/v1/reviews?after=" + v, steward);
      get("/api/v1/reviews?status=" + v, steward);
      get("/api/v1/reviews?profile=" + v, steward);
      send("POST", "/api/v1/profiles/search?limit=" + v, JSON, "{\"givenName\":\"Ann\"}", reader);
      get("/api/v1/audit?limit=" + v, steward);
      get("/api/v1/audit?after=" + v, steward);
      get("/api/v1/audit?subject=" + v, steward);
      get("/api/v1/audit?subject=profile:" + v, steward);
      get("/api/v1/profiles/" + profileId + "?lineage=" + v, reader);
      get("/api/v1/crosswalk?settle=" + v + "&cursor=" + v, reader);
      get("/api/v1/profiles?limit=" + v, reader);
      get("/api/v1/profiles?after=" + v, reader);
      get("/api/v1/profiles?risk=" + v, reader);
    }
    assertNoneBroken();
  }

  // ---- methods and content types --------------------------------------------------------------------------------

  @Test
  void methodsNotAllowedAndUnknownPaths() {
    String p = "/api/v1/profiles/" + profileId;
    for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
      send(method, p, JSON, "{}", admin);
      send(method, "/api/v1/crosswalk", JSON, "{}", admin);
      send(method, "/api/v1/reviews", JSON, "{}", admin);
      send(method, "/api/v1/audit", JSON, "{}", admin);
      send(method, "/api/v1/admin/model", JSON, "{}", admin);
      send(method, "/api/v1/routing/crm/x", JSON, "{}", admin);
      send(method, "/health/live", JSON, "{}", admin);
      send(method, "/metrics", JSON, "{}", admin);
    }
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
      send(method, "/api/v1/match", JSON, "{}", admin);
      send(method, "/api/v1/priorities", JSON, "{}", admin);
      send(method, "/api/v1/records/crm", JSON, "{}", admin);
      send(method, "/api/v1/admin/train", JSON, "{}", admin);
      send(method, "/api/v1/admin/revocations", JSON, "{}", admin);
      send(method, p + "/merge", JSON, "{}", admin);
      send(method, p + "/split", JSON, "{}", admin);
      send(method, "/api/v1/reviews/1/decision", JSON, "{}", admin);
    }
    send("POST", p + "/overrides/givenName", JSON, "{}", admin);
    send("OPTIONS", p, null, "", admin);
    get("/api/v1/nowhere", admin);
    get("/api/v1/", admin);
    get("/api/v1", admin);
    get("/nowhere", null);
    get("/api/v1/profiles", admin);
    get("/api/v1/profiles/", admin);
    get("/api/v1/profiles/by-key/crm", admin);
    get("/api/v1/routing/crm", router);
    for (String ct : List.of("application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
        "application/json; charset=latin1", "garbage", ";;;")) {
      send("POST", "/api/v1/records/crm", ct, customer.line(), admin);
      send("POST", "/api/v1/match", ct, "{\"left\":{},\"right\":{}}", admin);
      send("POST", "/api/v1/priorities", ct, "{\"items\":[]}", admin);
    }
    assertNoneBroken();
  }

  @Test
  void formBodiesAreRefusedAsTheWrongMediaTypeWhateverTheyHold() {
    // curl's default for -d: decoded as form fields, a lone % or a long field failed with the body in the log
    for (String body : List.of("{\"decision\":\"keep-apart\",\"note\":\"100% sure\"}",
        "{\"items\":[],\"pad\":\"" + "x".repeat(9_000) + "\"}", "a=b")) {
      for (String method : List.of("POST", "GET")) {
        Response r = HubTestNode.send(hub.request("/api/v1/priorities", admin)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/x-www-form-urlencoded").timeout(HANG).build());
        assertEquals(415, r.status(), r::toString);
        assertTrue(r.contentType().startsWith(Problems.CONTENT_TYPE), r::toString);
        assertTrue(r.json().getString("detail").contains("application/json"), r::toString);
      }
    }
  }

  @Test
  void aRecordNestedTooDeepForItsProfileIsRejectedAloneAndOneJustInsideTheLimitIsServedWithItsLineage() {
    String tooDeep = WireRecords.uniqueId("D"), deep = WireRecords.uniqueId("D");
    String lines = record(tooDeep, 998) + "\n" + record(deep, 97) + "\n";
    Response r = hub.post("/api/v1/records/crm", NDJSON, lines, ingest);
    assertEquals(200, r.status(), r::toString);
    List<JsonObject> answers = r.ndjson();
    assertEquals("rejected", answers.get(0).getString("status"), answers.get(0)::encode);
    assertTrue(answers.get(0).encode().contains("more than 100 levels deep"), answers.get(0)::encode);
    assertEquals("accepted", answers.get(1).getString("status"), answers.get(1)::encode);
    assertEquals(404, hub.get("/api/v1/profiles/by-key/crm/" + tooDeep, reader).status(), "nothing stored");
    Response lineage = HubTestNode.send(hub.request("/api/v1/profiles/by-key/crm/" + deep + "?lineage=true", reader)
        .GET().timeout(HANG).build());
    assertTrue(lineage.status() == 200 || lineage.status() >= 400 && lineage.status() < 500, lineage::toString);
  }

  private static String record(String sourceId, int depth) {
    return "{\"sourceId\":\"" + sourceId + "\",\"kind\":\"person\",\"givenName\":\"Deep\",\"attributes\":{\"x\":"
        + nested(depth, "[", "]") + "}}";
  }

  @Test
  void idsAndFlagsAreReadAsTheHubWritesThem() {
    // UUID's own parser takes 1-1-1-1-1; a flag of any other word was read as its default
    for (String path : List.of("/api/v1/profiles/1-1-1-1-1", "/api/v1/profiles/" + profileId + "?lineage=maybe",
        "/api/v1/profiles/" + profileId + "?lineage=TRUE", "/api/v1/crosswalk?settle=maybe",
        "/api/v1/sources?completeness=yes")) {
      Response r = hub.get(path, reader);
      assertEquals(400, r.status(), () -> path + ": " + r);
      assertTrue(r.contentType().startsWith(Problems.CONTENT_TYPE), r::toString);
    }
    assertEquals(200, hub.get("/api/v1/profiles/" + profileId + "?lineage=true", reader).status());
    assertEquals(200, hub.get("/api/v1/profiles/" + profileId.toUpperCase() + "?lineage=false", reader).status());
  }

  @Test
  void twoIdsThatDifferOnlyInBytesThatAreNotUtf8AreRefusedNotReadAsOne() {
    // M\xfcller and M\xf6ller in Latin-1 both read as M\uFFFDller: the second replaced the first in silence
    String id = WireRecords.uniqueId("LAT");
    byte[] lines = ("{\"sourceId\":\"" + id + "-M\u00fcller\",\"kind\":\"person\",\"givenName\":\"Hans\"}\n"
        + "{\"sourceId\":\"" + id + "-M\u00f6ller\",\"kind\":\"person\",\"givenName\":\"Greta\"}\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    Response r = hub.post("/api/v1/records/crm", NDJSON, lines, ingest);
    assertEquals(200, r.status(), r::toString);
    for (JsonObject answer : r.ndjson()) {
      assertEquals("rejected", answer.getString("status"), answer::encode);
      assertTrue(answer.getString("error").startsWith("sourceId: holds U+FFFD"), answer::encode);
    }
  }

  @Test
  void aNumberNoDoubleHoldsIsNoValueToSetByHand() {
    Response r = hub.put("/api/v1/profiles/" + profileId + "/overrides/attributes.creditLimit", "application/json",
        "{\"value\":1e999}", steward);
    assertEquals(400, r.status(), r::toString);
    assertTrue(r.json().getString("detail").startsWith("value"), r::toString);
  }

  // ---- tokens ---------------------------------------------------------------------------------------------------

  @Test
  void missingInvalidExpiredAndMisshapenTokens() {
    JWTAuth sameKey = JWTAuth.create(TestInfra.vertx(), new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(HubTestNode.JWT_SECRET)));
    JWTOptions hs = new JWTOptions().setAlgorithm("HS256");
    long past = System.currentTimeMillis() / 1000 - 300, future = System.currentTimeMillis() / 1000 + 300;
    List<String> tokens = new ArrayList<>(List.of("", "not-a-jwt", "a.b.c", "....", "x".repeat(10_000),
        "eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJhZG1pbiJdfQ.",
        sameKey.generateToken(new JsonObject().put("iss", "customer-hub").put("roles", new JsonArray().add("admin"))
            .put("exp", past), hs)));
    // signed with the right key and well-formed, but with claims of the wrong shape
    for (JsonObject claims : List.of(
        new JsonObject().put("roles", "admin"),
        new JsonObject().put("roles", 42),
        new JsonObject().put("roles", new JsonObject().put("admin", true)),
        new JsonObject().put("roles", new JsonArray().add(new JsonObject()).add(JsonObject.of())),
        new JsonObject().put("roles", new JsonArray().add("admin")).put("sub", 42),
        new JsonObject().put("roles", new JsonArray().add("admin")).put("sub", new JsonObject()),
        new JsonObject().put("roles", new JsonArray().add("steward")).put("sub", new JsonArray()),
        new JsonObject().put("roles", new JsonArray().add("admin")).put("sub", "x".repeat(5000)),
        new JsonObject().put("roles", new JsonArray().add("admin")).put("sub", "a\u0000b"),
        new JsonObject().put("roles", new JsonArray().add("admin")).put("nbf", future))) {
      tokens.add(sameKey.generateToken(claims.copy().put("iss", "customer-hub").put("exp", future), hs));
    }
    String p = "/api/v1/profiles/" + profileId;
    for (String t : tokens) {
      for (String header : List.of("Bearer " + t, "bearer " + t, t, "Basic " + t, "Bearer  " + t + " ")) {
        expect("GET profile with Authorization " + brief(header), hub.request(p, null).header("Authorization", header).GET());
        expect("GET crosswalk with Authorization " + brief(header),
            hub.request("/api/v1/crosswalk", null).header("Authorization", header).GET());
        expect("GET routing with Authorization " + brief(header),
            hub.request("/api/v1/routing/crm/x", null).header("Authorization", header).GET());
        expect("GET metrics with Authorization " + brief(header),
            hub.request("/metrics", null).header("Authorization", header).GET());
        expect("PUT override with Authorization " + brief(header),
            hub.request(p + "/overrides/givenName", null).header("Authorization", header).header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"Ada\",\"note\":\"n\"}")));
        expect("DELETE override with Authorization " + brief(header),
            hub.request(p + "/overrides/familyName", null).header("Authorization", header).DELETE());
        expect("POST merge with Authorization " + brief(header),
            hub.request(p + "/merge", null).header("Authorization", header).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{\"with\":\"" + java.util.UUID.randomUUID() + "\"}")));
      }
    }
    // every role that may not, on every path
    for (String[] call : new String[][] {{"GET", p}, {"GET", p + "/explain"}, {"GET", "/api/v1/crosswalk"},
        {"GET", "/api/v1/routing/crm/x"}, {"POST", "/api/v1/match"}, {"POST", "/api/v1/priorities"},
        {"GET", "/api/v1/reviews"}, {"POST", "/api/v1/reviews/1/decision"}, {"POST", p + "/merge"},
        {"POST", p + "/split"}, {"PUT", p + "/overrides/givenName"}, {"DELETE", p + "/overrides/givenName"},
        {"GET", "/api/v1/audit"}, {"POST", "/api/v1/admin/train"}, {"POST", "/api/v1/admin/reresolve"},
        {"GET", "/api/v1/admin/model"}, {"GET", "/api/v1/admin/jobs/x"}, {"POST", "/api/v1/records/crm"},
        {"POST", "/api/v1/admin/revocations"}, {"GET", "/api/v1/admin/revocations"},
        {"DELETE", "/api/v1/admin/revocations/1"}, {"GET", "/api/v1/admin/models"},
        {"GET", "/api/v1/admin/models/0"}, {"POST", "/api/v1/admin/models/0/restore"},
        {"GET", "/api/v1/admin/models/0/agreement"},
        {"GET", "/metrics"}}) {
      for (String t : List.of(reader, router, steward, ingest)) {
        send(call[0], call[1], JSON, "{}", t);
      }
      send(call[0], call[1], JSON, "{}", null);
    }
    assertNoneBroken();
  }
}
