package io.customerhub.cli;

import io.customerhub.app.HubNode;
import io.customerhub.config.HubConfig;
import io.customerhub.config.Secrets;
import io.customerhub.serve.Auth;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hub a command talks to: the one answering at the configured URL, or, when none answers, a node started
 * in this process for the duration of the command (Kafka off), so that commands always go through the API.
 */
final class RemoteHub implements AutoCloseable {

  final WebClient client;
  final String base;
  private final Vertx vertx;
  private final Auth auth;
  private final HubNode local;

  private RemoteHub(Vertx vertx, WebClient client, String base, Auth auth, HubNode local) {
    this.vertx = vertx;
    this.client = client;
    this.base = base;
    this.auth = auth;
    this.local = local;
  }

  static RemoteHub connect(HubConfig cfg, String url) throws Exception {
    String scheme = cfg.http().tls() ? "https" : "http";
    String base = url != null ? url : scheme + "://127.0.0.1:" + cfg.http().port();
    Vertx vertx = Vertx.vertx();
    WebClientOptions options = new WebClientOptions().setIdleTimeout(0).setConnectTimeout(3000);
    if (cfg.http().tls()) {
      // the hub's own certificate, from its configuration, is the one to trust: pinned, so that on this machine
      // (127.0.0.1, which the certificate need not name) the host name has nothing to add
      options.setTrustOptions(new PemTrustOptions().addCertPath(cfg.http().tlsCertFile()))
          .setVerifyHost(!isLoopback(base));
    }
    WebClient client = WebClient.create(vertx, options);
    HubNode local = null;
    if (!reachable(client, base)) {
      if (url != null) {
        // a hub named by hand that does not answer is a typo or an outage: a node started here instead would do the
        // work on this machine's data and join its cluster
        client.close();
        vertx.close();
        throw new IllegalArgumentException("no hub answers at " + url + " (--url): is the address right, and the hub "
            + "up? Leave --url out to run the command on a node started here");
      }
      System.err.println("no hub answers at " + base + "; starting a local node for this command …");
      local = HubNode.start(cfg.withHttpPort(0).withKafkaBootstrap(null));
      base = scheme + "://127.0.0.1:" + local.httpPort();
    }
    return new RemoteHub(vertx, client, base, new Auth(vertx, Secrets.jwtSecret(cfg), cfg.auth().issuer()), local);
  }

  String token(String subject, String... roles) {
    return auth.token(subject, List.of(roles), 60);
  }

  private static boolean isLoopback(String base) {
    String host = java.net.URI.create(base).getHost();
    return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
  }

  private static boolean reachable(WebClient client, String base) {
    try {
      return client.getAbs(base + "/health/live").send().toCompletionStage().toCompletableFuture()
          .get(3, TimeUnit.SECONDS).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * The {@code detail} of a problem+json answer, the sentence meant for the user; null for any other body
   * (not JSON, no detail), which callers show as it came.
   */
  static String problemDetail(HttpResponse<Buffer> response) {
    try {
      JsonObject body = response.bodyAsJsonObject();
      return body != null && body.getValue("detail") instanceof String d ? d : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    if (local != null) local.close();
  }
}
