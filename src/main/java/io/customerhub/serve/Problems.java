package io.customerhub.serve;

import io.customerhub.resolve.ModelVersions;
import io.customerhub.resolve.ReresolutionLock;
import io.customerhub.resolve.ResolveService;
import io.customerhub.support.HeapPressure;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** The one failure handler: every error becomes RFC 9457 {@code application/problem+json}, never a stack trace. */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  public static final String CONTENT_TYPE = "application/problem+json";

  private static final Map<Integer, String> TITLES = Map.of(
      400, "Invalid request", 401, "Unauthorized", 403, "Forbidden", 404, "Not found",
      405, "Method not allowed", 413, "Payload too large", 415, "Unsupported media type",
      503, "Service unavailable");

  private Problems() {
  }

  /**
   * A refusal of the resolver's, as the caller should hear it: a model version never stored is a 404, a training or
   * re-resolution asked for while another runs in the cluster a 409; any other failure as it is.
   */
  private static Throwable domainRefusal(Throwable failure) {
    if (failure instanceof ModelVersions.Unknown) return HubException.notFound(failure.getMessage());
    if (failure instanceof ReresolutionLock.AlreadyRunning) return HubException.conflict(failure.getMessage());
    return failure;
  }

  public static void handle(RoutingContext ctx) {
    Throwable failure = domainRefusal(ctx.failure());
    int status;
    String title;
    String detail;
    if (failure instanceof HubException e) {
      status = e.status();
      title = e.title();
      detail = e.getMessage();
    } else if (failure instanceof io.vertx.ext.web.handler.HttpException h && h.getStatusCode() < 500) {
      status = h.getStatusCode();
      title = TITLES.getOrDefault(status, "Error");
      detail = defaultDetail(status);
    } else if (failure instanceof HeapPressure.Full full) {
      status = 503;
      title = TITLES.get(503);
      detail = full.getMessage();
      ctx.response().putHeader("Retry-After", "30");
    } else if (databaseUnavailable(failure)) {
      status = 503;
      title = TITLES.get(503);
      detail = "the database is not available right now; retry later";
      ctx.response().putHeader("Retry-After", "5");
      LOG.warn("database failure on {} {}: {}", ctx.request().method(), ctx.request().path(), failure.getMessage());
    } else if (ResolveService.contended(failure)) {
      status = 503;
      title = TITLES.get(503);
      detail = "concurrent writers kept getting in the way of this batch; retry later";
      ctx.response().putHeader("Retry-After", "1");
      LOG.warn("contention on {} {} after every retry: {}", ctx.request().method(), ctx.request().path(),
          failure.getMessage());
    } else if (failure == null && ctx.statusCode() < 500) {
      status = ctx.statusCode();
      title = TITLES.getOrDefault(status, "Error");
      detail = defaultDetail(status);
    } else {
      status = 500;
      title = "Internal error";
      detail = "an unexpected error occurred; it has been logged";
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
    }
    send(ctx, status, title, detail);
  }

  public static void send(RoutingContext ctx, int status, String title, String detail) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) return;
    if (response.headWritten()) {
      response.reset();
      return;
    }
    if (status == 401) response.putHeader("WWW-Authenticate", "Bearer");
    JsonObject body = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", detail)
        .put("instance", ctx.request().path());
    response.setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(body.encode());
  }

  /**
   * A request the HTTP codec refused before routing (a request line over {@code maxInitialLineLength}, headers over
   * {@code maxHeaderSize}, a malformed request): the status Vert.x's default handler gives it, as problem+json, and
   * the connection closed, as that handler does (what follows on it cannot be trusted to be a request) but a
   * second later: closed at once, a body the client is still sending makes the close a reset, and the client
   * loses the answer with it.
   */
  public static void invalidRequest(Vertx vertx, HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof TooLongHttpLineException ? 414
        : cause instanceof TooLongHttpHeaderException ? 431 : 400;
    String detail = switch (status) {
      case 414 -> "the request line is longer than the server accepts; shorten the path or query";
      case 431 -> "the request headers are larger than the server accepts";
      default -> "the request is not valid HTTP";
    };
    JsonObject body = new JsonObject().put("type", "about:blank")
        .put("title", status == 400 ? TITLES.get(400) : status == 414 ? "URI too long" : "Request headers too large")
        .put("status", status).put("detail", detail);
    request.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).putHeader("Connection", "close")
        .end(body.encode()).onComplete(done -> vertx.setTimer(1000, t -> request.connection().close()));
  }

  /** Connection loss, exhausted resources or a server shutting down: worth a retry, unlike a bug. */
  static boolean databaseUnavailable(Throwable failure) {
    if (failure instanceof PgException pg) {
      String state = String.valueOf(pg.getSqlState());
      return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.equals("55000");
    }
    // a connection to the database reset under a request (its server killed) was a 500, which clients do not retry
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.SocketException || t instanceof java.nio.channels.ClosedChannelException) return true;
    }
    return failure instanceof io.vertx.core.VertxException v
        && String.valueOf(v.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connection");
  }

  private static String defaultDetail(int status) {
    return switch (status) {
      case 401 -> "a bearer token is required (Authorization: Bearer …)";
      case 403 -> "the token's roles do not allow this request";
      case 404 -> "no such resource";
      case 405 -> "this method is not allowed on this path";
      case 413 -> "the request body is larger than the configured limit";
      case 415 -> "unsupported content type";
      default -> "the request could not be processed";
    };
  }
}
