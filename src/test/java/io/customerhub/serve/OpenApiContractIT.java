package io.customerhub.serve;

import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code openapi.yaml}, the API's description for integrators: read by Vert.x's OpenAPI support (which checks it
 * against the OpenAPI schema), naming exactly the routes the router answers, and describing real answers truly.
 * Vert.x's validator knows neither NDJSON nor {@code application/problem+json} by name: it reads them here as an
 * octet stream and as JSON, which changes nothing of what their schemas say.
 */
class OpenApiContractIT extends OneHubPerClass {

  private static Vertx vertx;
  private static String yaml;
  private static OpenAPIContract contract;
  private static ResponseValidator validator;

  @BeforeAll
  static void readContract() throws Exception {
    try (InputStream in = OpenApiContractIT.class.getResourceAsStream("/openapi.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    vertx = Vertx.vertx();
    JsonObject raw = (JsonObject) json(new Yaml().load(yaml));
    // "/", where the hub answers whatever its host, is a server URL Vert.x reads as malformed: the paths are whole
    raw.remove("servers");
    contract = OpenAPIContract.from(vertx, asVertxReadsIt(raw)).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    validator = ResponseValidator.create(vertx, contract);
  }

  @AfterAll
  static void closeVertx() {
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void theContractNamesEveryRouteTheHubAnswersAndNoOther() {
    TreeSet<String> described = new TreeSet<>();
    for (Operation op : contract.operations()) described.add(op.getHttpMethod().name() + " " + op.getOpenAPIPath());
    TreeSet<String> answered = new TreeSet<>(hub.node().httpRoutes().stream()
        .filter(r -> !r.contains(" /console")).toList());

    TreeSet<String> undescribed = new TreeSet<>(answered);
    undescribed.removeAll(described);
    TreeSet<String> unanswered = new TreeSet<>(described);
    unanswered.removeAll(answered);
    assertEquals(List.of(), List.copyOf(undescribed), "routes the contract does not describe");
    assertEquals(List.of(), List.copyOf(unanswered), "operations no route answers");
    for (Operation op : contract.operations()) {
      JsonObject raw = op.getOpenAPIModel();
      assertTrue(raw.getValue("x-roles") instanceof JsonArray roles && !roles.isEmpty()
          || op.getOpenAPIPath().startsWith("/health"), op.getOperationId() + " names its roles (x-roles)");
    }
  }

  @Test
  void eachOperationRefusesTheRolesItsXRolesLeaveOutAndTakesThoseItNames() {
    List<String> wrong = new ArrayList<>();
    for (Operation op : contract.operations()) {
      if (op.getOpenAPIPath().startsWith("/health")) continue;
      List<String> named = op.getOpenAPIModel().getJsonArray("x-roles").stream().map(String::valueOf).toList();
      String path = op.getOpenAPIPath().replaceAll("\\{[^}]+}", "x");
      for (String role : Auth.ROLES) {
        if (role.equals(Auth.ADMIN)) continue;
        boolean allowed = named.contains(role);
        // a request of a role it names may act (train, erase): only reads are sent with those
        if (allowed && op.getHttpMethod() != HttpMethod.GET) continue;
        var request = hub.request(path, hub.token(role)).method(op.getHttpMethod().name(),
            java.net.http.HttpRequest.BodyPublishers.noBody());
        int status = io.customerhub.testing.HubTestNode.send(request.build()).status();
        if (allowed == (status == 403)) wrong.add(op.getOperationId() + " as " + role + ": " + status);
      }
    }
    assertEquals(List.of(), wrong, "x-roles against what the hub answers");
  }

  @Test
  void theHubServesItsContractToAnyRoleAndToNobodyWithoutAToken() {
    Response answer = hub.get("/api/v1/openapi.yaml", hub.token("router"));
    assertEquals(200, answer.status(), answer::toString);
    assertEquals("application/yaml", answer.contentType());
    assertEquals(yaml, answer.body());
    assertEquals(401, hub.get("/api/v1/openapi.yaml", null).status());
  }

  @Test
  void realAnswersAreWhatTheContractSays() {
    Rec crm = WireRecords.distinctPerson("crm", "C");
    String profile = hub.accept(crm).getString("profileId");
    Rec erp = crm.copyIn("erp", "E");
    hub.accept(erp);
    String reader = hub.token("reader"), steward = hub.token("steward");
    String token = hub.get("/api/v1/profiles?limit=1", reader).json().getString("deltaToken");

    List<String> failures = new ArrayList<>();
    check(failures, "/api/v1/profiles/{profileId}", hub.get("/api/v1/profiles/" + profile, reader));
    check(failures, "/api/v1/profiles/{profileId}", hub.get("/api/v1/profiles/" + profile + "?lineage=true", reader));
    check(failures, "/api/v1/profiles/by-key/{source}/{sourceId}",
        hub.get("/api/v1/profiles/by-key/crm/" + crm.sourceId(), reader));
    check(failures, "/api/v1/profiles", hub.get("/api/v1/profiles?limit=2", reader));
    check(failures, "/api/v1/profiles", hub.get("/api/v1/profiles?changedSince=" + token, reader));
    check(failures, "/api/v1/profiles", hub.get("/api/v1/profiles?limit=0", reader));
    check(failures, "/api/v1/profiles/{profileId}/explain",
        hub.get("/api/v1/profiles/" + profile + "/explain", reader));
    check(failures, "/api/v1/profiles/{profileId}/history",
        hub.get("/api/v1/profiles/" + profile + "/history", reader));
    check(failures, "/api/v1/profiles/{profileId}", hub.get("/api/v1/profiles/not-a-uuid", reader));
    check(failures, "/api/v1/routing/{source}/{sourceId}", hub.get("/api/v1/routing/crm/" + crm.sourceId(),
        hub.token("router")));
    check(failures, "/api/v1/routing/{source}/{sourceId}", hub.get("/api/v1/routing/crm/" + crm.sourceId(), reader));
    check(failures, "/api/v1/me", hub.get("/api/v1/me", reader));
    check(failures, "/api/v1/reviews", hub.get("/api/v1/reviews?limit=5", steward));
    check(failures, "/api/v1/audit", hub.get("/api/v1/audit?limit=5", steward));
    check(failures, "/api/v1/sources", hub.get("/api/v1/sources", reader));
    check(failures, "/api/v1/admin/models", hub.get("/api/v1/admin/models", steward));
    check(failures, "/api/v1/admin/models/{version}/agreement",
        hub.get("/api/v1/admin/models/0/agreement", steward));
    check(failures, "/health/ready", hub.get("/health/ready", null));
    check(failures, "/api/v1/match/{source}/{sourceId}/{otherSource}/{otherSourceId}",
        hub.get("/api/v1/match/crm/" + crm.sourceId() + "/erp/" + erp.sourceId(), reader));
    check(failures, "/api/v1/match/{source}/{sourceId}/{otherSource}/{otherSourceId}",
        hub.get("/api/v1/match/crm/" + crm.sourceId() + "/erp/no-such-record", reader));
    JsonObject left = crm.json(), right = erp.json();
    check(failures, HttpMethod.POST, "/api/v1/match", hub.post("/api/v1/match", "application/json",
        new JsonObject().put("left", left).put("right", right).encode(), reader));
    check(failures, HttpMethod.POST, "/api/v1/profiles/search", hub.post("/api/v1/profiles/search", "application/json",
        new JsonObject().put("givenName", left.getString("givenName")).put("familyName", left.getString("familyName"))
            .put("birthDate", left.getString("birthDate")).encode(), reader));
    check(failures, HttpMethod.POST, "/api/v1/priorities", hub.post("/api/v1/priorities", "application/json",
        new JsonObject().put("items", new JsonArray().add(new JsonObject().put("id", "t-1").put("type", "default")
            .put("createdAt", "2026-12-01T08:00:00Z").put("customer", new JsonObject().put("source", "crm")
                .put("sourceId", crm.sourceId())))).encode(), hub.token("router")));
    check(failures, HttpMethod.POST, "/api/v1/priorities", hub.post("/api/v1/priorities", "application/json",
        "{\"items\": 5}", hub.token("router")));
    assertEquals(List.of(), failures);
  }

  @Test
  void ndjsonLinesAreWhatTheirLineSchemasSay() {
    Rec good = WireRecords.distinctPerson("crm", "C");
    Response ingested = hub.post("/api/v1/records/crm", "application/x-ndjson",
        good.line() + "\n" + "{\"sourceId\": \"no-kind\", \"birthDate\": \"yesterday\"}\n" + "not json\n",
        hub.token("ingest"));
    assertEquals(200, ingested.status(), ingested::toString);
    Response crosswalk = hub.get("/api/v1/crosswalk?settle=false", hub.token("reader"));
    assertEquals(200, crosswalk.status(), crosswalk::toString);

    List<String> failures = new ArrayList<>();
    lines(failures, "IngestLine", ingested);
    lines(failures, "CrosswalkLine", crosswalk);
    assertEquals(List.of(), failures);
    assertTrue(ingested.ndjson().stream().anyMatch(l -> "rejected".equals(l.getString("status"))), ingested::toString);
  }

  /**
   * Each NDJSON line of {@code answer} against {@code components.schemas.<schema>} (vertx-openapi keeps the
   * contract's schemas under the base URI {@code app:///}).
   */
  private static void lines(List<String> failures, String schema, Response answer) {
    var validator = contract.getSchemaRepository().validator(io.vertx.json.schema.JsonSchema.of(
        new JsonObject().put("$ref", "app:///#/components/schemas/" + schema)));
    for (JsonObject line : answer.ndjson()) {
      var result = validator.validate(line);
      if (!Boolean.TRUE.equals(result.getValid())) {
        failures.add(schema + " " + line.encode() + ": " + result.getErrors());
      }
    }
  }

  @Test
  void requestBodiesTheHubTakesAreOnesTheContractTakes() {
    List<Rec> customers = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Rec r = WireRecords.distinctPerson("crm", "C");
      customers.add(r);
      profiles.add(hub.accept(r).getString("profileId"));
    }
    Rec erp = customers.get(0).copyIn("erp", "E");
    hub.accept(erp);
    String steward = hub.token("steward");
    List<String> failures = new ArrayList<>();

    send(failures, HttpMethod.POST, "/api/v1/profiles/{profileId}/merge", profiles.get(0), new JsonObject()
        .put("with", profiles.get(1)).put("note", "the same shop owner"), steward, 200);
    send(failures, HttpMethod.POST, "/api/v1/profiles/{profileId}/split", profiles.get(0), new JsonObject()
        .put("records", new JsonArray().add(new JsonObject().put("source", "erp").put("sourceId", erp.sourceId())))
        .put("note", "two people"), steward, 200);
    send(failures, HttpMethod.PUT, "/api/v1/profiles/{profileId}/overrides/{attribute}", profiles.get(2),
        new JsonObject().put("value", "Zhang").put("note", "passport"), steward, 200);
    send(failures, HttpMethod.POST, "/api/v1/profiles/{profileId}/erase", profiles.get(3),
        new JsonObject().put("note", "DSAR-2026-9"), hub.adminToken(), 200);
    send(failures, HttpMethod.POST, "/api/v1/admin/revocations", null,
        new JsonObject().put("subject", "someone-who-left").put("reason", "left the company"), hub.adminToken(), 201);
    assertEquals(List.of(), failures);

    // and a body without what the hub requires is one the contract refuses too
    var mergeSchema = contract.findOperation("/api/v1/profiles/{profileId}/merge", HttpMethod.POST).getRequestBody()
        .getContent().get("application/json").getSchema();
    assertEquals(Boolean.FALSE, contract.getSchemaRepository().validator(mergeSchema)
        .validate(new JsonObject().put("note", "with whom?")).getValid());
    assertEquals(400, hub.post("/api/v1/profiles/" + profiles.get(2) + "/merge", "application/json",
        "{\"note\": \"with whom?\"}", steward).status());
  }

  /**
   * Checks {@code body} against the request schema of the operation, then sends it (to {@code profileId}'s path,
   * the attribute {@code familyName}) and expects {@code status}: a body the hub takes is one the contract takes.
   */
  private static void send(List<String> failures, HttpMethod method, String path, String profileId, JsonObject body,
                           String token, int status) {
    Operation op = contract.findOperation(path, method);
    if (op == null || op.getRequestBody() == null) {
      failures.add("no " + method + " operation with a body for " + path);
      return;
    }
    var schema = op.getRequestBody().getContent().get("application/json").getSchema();
    var result = contract.getSchemaRepository().validator(schema).validate(body);
    if (!Boolean.TRUE.equals(result.getValid())) {
      failures.add(op.getOperationId() + " request " + body.encode() + ": " + result.getErrors());
    }
    String concrete = path.replace("{profileId}", String.valueOf(profileId)).replace("{attribute}", "familyName");
    var request = hub.request(concrete, token).header("Content-Type", "application/json")
        .method(method.name(), java.net.http.HttpRequest.BodyPublishers.ofString(body.encode()));
    Response answer = io.customerhub.testing.HubTestNode.send(request.build());
    if (answer.status() != status) failures.add(op.getOperationId() + " answered " + answer);
    else check(failures, method, path, answer);
  }

  private static void check(List<String> failures, String path, Response answer) {
    check(failures, HttpMethod.GET, path, answer);
  }

  /** Validates {@code answer} against the operation of {@code method} and {@code path} for its status. */
  private static void check(List<String> failures, HttpMethod method, String path, Response answer) {
    Operation op = contract.findOperation(path, method);
    if (op == null) {
      failures.add("no " + method + " operation for " + path);
      return;
    }
    if (op.getResponse(answer.status()) == null && op.getDefaultResponse() == null) {
      failures.add(op.getOperationId() + ": the contract has no " + answer.status() + " answer");
      return;
    }
    String type = answer.contentType() == null ? null : answer.contentType().split(";")[0].strip();
    String asRead = "application/problem+json".equals(type) ? "application/json" : type;
    ValidatableResponse response = asRead == null ? ValidatableResponse.create(answer.status())
        : ValidatableResponse.create(answer.status(), Buffer.buffer(answer.body()), asRead);
    try {
      validator.validate(response, op.getOperationId()).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      failures.add(op.getOperationId() + " " + answer.status() + ": " + cause.getMessage() + " in "
          + answer.body().substring(0, Math.min(300, answer.body().length())));
    }
  }

  /** YAML as JSON: keys as strings (YAML reads {@code 200:} as a number), scalars JSON has as they are. */
  private static Object json(Object yamlValue) {
    if (yamlValue instanceof Map<?, ?> map) {
      JsonObject out = new JsonObject();
      map.forEach((k, v) -> out.put(String.valueOf(k), json(v)));
      return out;
    }
    if (yamlValue instanceof List<?> list) {
      JsonArray out = new JsonArray();
      list.forEach(v -> out.add(json(v)));
      return out;
    }
    return yamlValue == null || yamlValue instanceof String || yamlValue instanceof Number
        || yamlValue instanceof Boolean ? yamlValue : String.valueOf(yamlValue);
  }

  /** The contract with the media types Vert.x's validator has no schema support for renamed to ones it has. */
  private static JsonObject asVertxReadsIt(JsonObject node) {
    JsonObject out = new JsonObject();
    node.forEach(e -> {
      Object v = e.getValue() instanceof JsonObject o ? asVertxReadsIt(o)
          : e.getValue() instanceof JsonArray a ? asVertxReadsIt(a) : e.getValue();
      if ("content".equals(e.getKey()) && v instanceof JsonObject media) {
        JsonObject renamed = new JsonObject();
        media.forEach(m -> renamed.put(switch (m.getKey()) {
          case "application/problem+json" -> "application/json";
          case "application/x-ndjson" -> "application/octet-stream";
          case "application/yaml" -> "text/plain";
          default -> m.getKey();
        }, m.getValue()));
        v = renamed;
      }
      out.put(e.getKey(), v);
    });
    return out;
  }

  private static JsonArray asVertxReadsIt(JsonArray array) {
    JsonArray out = new JsonArray();
    for (Object v : array) {
      out.add(v instanceof JsonObject o ? asVertxReadsIt(o) : v instanceof JsonArray a ? asVertxReadsIt(a) : v);
    }
    return out;
  }
}
