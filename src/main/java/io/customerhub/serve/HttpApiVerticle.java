package io.customerhub.serve;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.config.HubConfig;
import io.customerhub.ingest.IngestService;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.record.SourceKey;
import io.customerhub.store.ProfileChanges;
import io.customerhub.store.ProfileQueries;
import io.customerhub.store.ProfileStore;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.Set;

/**
 * The HTTP API of contract 1.3. Thin: parse, call a service, answer; every failure goes through {@link Problems}.
 * Deployed once per event-loop thread; all instances share the services they are given.
 */
public final class HttpApiVerticle extends VerticleBase {

  /** Everything the API serves from, built once by the node. */
  public record Services(HubConfig config, Auth auth, IngestService ingest, ProfileReadModel readModel,
                         ProfileStore profileStore, ProfileQueries queries, Set<String> riskCodes, Pool pool,
                         RoutingAnswers routing, Health health, List<ApiModule> modules, HubMetrics metrics) {
  }

  /** A group of extra routes (matching, routing policy, steward workspace) mounted under the authenticated API. */
  public interface ApiModule {
    void mount(Router api);
  }

  private final Services services;
  private HttpServer server;
  /** Every route of the API ({@link #routes()}), as the router was built. */
  private final List<String> routes = new ArrayList<>();
  /** The API's own description, read from the classpath once asked for. */
  private Future<Buffer> contract;
  private HttpsCertificate certificate;

  public HttpApiVerticle(Services services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    HubConfig.Http http = services.config().http();
    HttpServerOptions options = new HttpServerOptions().setHost(http.host()).setPort(http.port())
        .setCompressionSupported(true).setMaxInitialLineLength(8192).setMaxHeaderSize(16384);
    certificate = http.tls() ? new HttpsCertificate(vertx, http) : null;
    // the certificate's files are looked at off the event loop
    Future<HttpServerOptions> ready = certificate == null ? Future.succeededFuture(options)
        : vertx.executeBlocking(() -> certificate.apply(options), false);
    return ready.compose(withTls -> {
      server = vertx.createHttpServer(withTls);
      // a request line or headers over the limits never reach the router: answered as problem+json all the same
      return server.requestHandler(router(http))
          .invalidRequestHandler(request -> Problems.invalidRequest(vertx, request)).listen();
    });
  }

  /**
   * Looks for a renewed HTTPS certificate from now on. Called on one instance only: the instances share one server,
   * whose certificate one update changes for all. The timer is this verticle's, and goes with it.
   */
  public void watchCertificate() {
    if (certificate != null) context.runOnContext(v -> certificate.watch(server));
  }

  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Stops taking connections and lets the requests in flight finish, for at most {@code seconds}: a node stopped
   * for a rolling restart cut the requests it was answering, whose callers then did not know what had committed.
   */
  public Future<Void> drain(long seconds) {
    Promise<Void> drained = Promise.promise();
    context.runOnContext(v -> server.shutdown(seconds, TimeUnit.SECONDS).onComplete(drained));
    return drained.future();
  }

  /**
   * Every failure answered as problem+json ({@link Problems}), refusals for credentials counted on the way: on the
   * failure path only, so that the routing path's successes pay nothing for it.
   */
  private Handler<RoutingContext> failures() {
    Counter unauthorized = services.metrics().authRefused(401);
    Counter forbidden = services.metrics().authRefused(403);
    return ctx -> {
      if (ctx.failure() instanceof HubException e) {
        if (e.status() == 401) unauthorized.increment();
        else if (e.status() == 403) forbidden.increment();
      }
      Problems.handle(ctx);
    };
  }

  private Router router(HubConfig.Http http) {
    Router root = Router.router(vertx);
    Handler<RoutingContext> failures = failures();
    root.route().failureHandler(failures);
    root.route().handler(HttpApiVerticle::queryDecodes);
    if (http.tls()) {
      // a browser that once reached the hub over HTTPS never sends a token over plain HTTP to its name again
      root.route().handler(ctx -> {
        ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000");
        ctx.next();
      });
    }
    root.get("/health/live").handler(services.health()::live);
    root.get("/health/ready").handler(services.health()::ready);
    root.get("/metrics").handler(services.auth().authenticate()).handler(Auth.require("monitor"))
        .handler(this::metrics);

    if (http.console()) {
      Console.mount(root, () -> services.auth().identityProvider().flatMap(IdentityProvider::consoleSignIn));
    }

    Router api = Router.router(vertx);
    api.route().handler(services.auth().authenticate());
    if (http.requireIfMatch()) api.route().handler(Preconditions::require);
    api.route().handler(HttpApiVerticle::refuseForms);
    api.route().handler(BodyHandler.create(false).setBodyLimit(http.maxBodyBytes()));
    IngestHandler ingest = new IngestHandler(services.ingest(), http.maxLinesPerRequest(), http.maxLineBytes());
    ProfileHandlers profiles = new ProfileHandlers(services.readModel(), services.profileStore(), services.queries(),
        services.pool(), services.config().upkeep().crosswalkSettleSeconds());
    ProfilePages pages = new ProfilePages(services.queries(), new ProfileChanges(services.pool()),
        services.riskCodes());
    api.get("/openapi.yaml").handler(Auth.require(Auth.ROLES.toArray(String[]::new))).handler(this::contract);
    api.get("/me").handler(Auth.require(Auth.ROLES.toArray(String[]::new)))
        .handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(Auth.caller(ctx).encode()));
    api.post("/records/:source").handler(Auth.require("ingest")).handler(ingest::handle);
    api.get("/profiles").handler(Auth.require("reader", "steward")).handler(pages::list);
    api.get("/profiles/by-key/:source/:sourceId").handler(Auth.require("reader", "steward")).handler(profiles::byKey);
    api.get("/profiles/:profileId").handler(Auth.require("reader", "steward")).handler(profiles::byId);
    api.get("/profiles/:profileId/orders").handler(Auth.require("reader", "steward")).handler(profiles::orders);
    api.get("/crosswalk").handler(Auth.require("reader", "steward")).handler(profiles::crosswalk);
    api.get("/routing/:source/:sourceId").handler(Auth.require("router")).handler(this::routing);
    for (ApiModule module : services.modules()) module.mount(api);
    api.route().failureHandler(failures);
    root.route("/api/v1/*").subRouter(api);
    // a path with a malformed %-escape fails before any route (and its failure handler) can match it
    root.errorHandler(400, ctx -> Problems.send(ctx, 400, "Invalid request",
        "the path is not valid: '%' must be followed by two hex digits"));
    root.errorHandler(404, ctx -> Problems.send(ctx, 404, "Not found", "no such path: " + ctx.request().path()));
    routes.clear();
    listRoutes(root, "", routes);
    listRoutes(api, "/api/v1", routes);
    routes.sort(null);
    root.errorHandler(405, ctx -> Problems.send(ctx, 405, "Method not allowed",
        ctx.request().method() + " is not allowed on " + ctx.request().path()));
    return root;
  }

  /**
   * A query with a malformed %-escape ({@code ?limit=%}) makes every later {@code getParam} throw
   * IllegalArgumentException, which would answer 500 from whichever handler reads a parameter first: it is
   * decoded once here and refused with 400. Requests without a query (routing lookups) skip it.
   */
  private static void queryDecodes(RoutingContext ctx) {
    if (ctx.request().query() != null) {
      try {
        ctx.request().params();
      } catch (IllegalArgumentException e) {
        ctx.fail(HubException.invalid("query: is not valid: " + e.getMessage()));
        return;
      }
    }
    ctx.next();
  }

  /**
   * Every route the API answers, as {@code "GET /api/v1/profiles/{profileId}"}, sorted: what {@code openapi.yaml}
   * must describe, no more and no less (OpenApiContractIT). Routes for every method (handlers of all paths) are not
   * routes of their own.
   */
  public List<String> routes() {
    return List.copyOf(routes);
  }

  private static void listRoutes(Router router, String prefix, List<String> out) {
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) continue;
      String path = prefix + route.getPath().replaceAll(":(\\w+)", "{$1}");
      for (HttpMethod method : route.methods()) out.add(method.name() + " " + path);
    }
  }

  /** {@code openapi.yaml}: the API's description, for integrators and their client generators. */
  private void contract(RoutingContext ctx) {
    if (contract == null) {
      contract = vertx.executeBlocking(() -> {
        try (var in = HttpApiVerticle.class.getResourceAsStream("/openapi.yaml")) {
          if (in == null) throw new IllegalStateException("openapi.yaml is not on the classpath");
          return Buffer.buffer(in.readAllBytes());
        }
      }, false);
    }
    contract.onSuccess(yaml -> ctx.response().putHeader("Content-Type", "application/yaml").end(yaml))
        .onFailure(ctx::fail);
  }

  /** Prometheus text format; scraping renders every meter, so it runs off the event loop. */
  private void metrics(RoutingContext ctx) {
    vertx.executeBlocking(() -> services.metrics().scrape(), false).onSuccess(text -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(text)).onFailure(ctx::fail);
  }

  /** The latency-critical path: one near-cache lookup of a pre-rendered answer when the customer is cached. */
  private void routing(RoutingContext ctx) {
    SourceKey key = ProfileHandlers.sourceKey(ctx);
    services.readModel().routing(key).onSuccess(answer ->
        ctx.response().putHeader("Content-Type", "application/json")
            .end(answer != null ? answer : services.routing().unknown()))
        .onFailure(ctx::fail);
  }

  /**
   * The API reads JSON and NDJSON bodies only. A form body (curl's default for {@code -d}) would be decoded by the
   * body handler as form fields first, which fails on a lone {@code %} or a long field with an error that writes
   * the whole body, a customer's record perhaps, into the log: refused up front, saying what to send.
   */
  static void refuseForms(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/")) {
      ctx.fail(HubException.unsupportedMediaType("Content-Type: " + t.split(";", 2)[0] + " is not read here: send "
          + "application/json, or application/x-ndjson to /records (with curl: -H 'Content-Type: application/json')"));
      return;
    }
    ctx.next();
  }
}
