package io.customerhub.cli;

import io.customerhub.app.HubNode;
import io.customerhub.app.NodeAddress;
import io.customerhub.config.HubConfig;
import io.customerhub.config.Secrets;
import io.customerhub.embedded.DataDirInUse;
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
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The hub a command talks to: the one at {@code --url}; else the node of the configured data directory, where its
 * address file ({@link NodeAddress}) says it answers; else the one answering on the configured port; else a node
 * started in this process for the duration of the command (Kafka off), so that commands always go through the API.
 */
final class RemoteHub implements AutoCloseable {

  /** How long the tokens a command signs for itself last. */
  private static final int TOKEN_MINUTES = 60;

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
    String configured = scheme + "://127.0.0.1:" + cfg.http().port();
    Vertx vertx = Vertx.vertx();
    try {
      Auth auth = new Auth(vertx, Secrets.jwtSecret(cfg), cfg.auth().issuer());
      // the data directory's own node first: a hub on another port than the configured one is found, and another
      // data directory's hub on the configured port does not get this one's records
      List<String> candidates = url != null ? List.of(url) : NodeAddress.read(cfg.dataDir())
          .filter(a -> !a.equals(configured)).map(a -> List.of(a, configured)).orElse(List.of(configured));
      for (String candidate : candidates) {
        WebClient client = client(vertx, cfg, candidate);
        if (reachable(client, candidate)) return new RemoteHub(vertx, client, candidate, auth, null);
        client.close();
      }
      if (url != null) {
        // a hub named by hand that does not answer is a typo or an outage: a node started here instead would do the
        // work on this machine's data and join its cluster
        throw new IllegalArgumentException("no hub answers at " + url + " (--url): is the address right, and the hub "
            + "up? Leave --url out to run the command on a node started here");
      }
      String tried = String.join(", ", candidates);
      System.err.println("no hub answers at " + tried + "; starting a local node for this command …");
      HubNode local = startLocal(cfg, tried);
      String base = scheme + "://127.0.0.1:" + local.httpPort();
      return new RemoteHub(vertx, client(vertx, cfg, base), base, auth, local);
    } catch (Exception | Error e) {
      vertx.close();
      throw e;
    }
  }

  /**
   * A node for this command, on the configured data directory. One that another process holds (a hub still starting,
   * one whose address file is gone, a hub of the directory started with another configuration) is told in one line.
   */
  private static HubNode startLocal(HubConfig cfg, String tried) throws Exception {
    try {
      return HubNode.start(cfg.withHttpPort(0).withKafkaBootstrap(null));
    } catch (DataDirInUse e) {
      throw new DataDirInUse(e.dataDir(), "data directory " + e.dataDir() + " is in use by another process, but no "
          + "hub answers for it (tried " + tried + "): name the hub with --url URL, or wait until it is up");
    }
  }

  private static WebClient client(Vertx vertx, HubConfig cfg, String base) {
    WebClientOptions options = new WebClientOptions().setIdleTimeout(0).setConnectTimeout(3000);
    if (cfg.http().tls()) {
      // the hub's own certificate, from its configuration, is the one to trust: pinned, so that on this machine
      // (127.0.0.1, which the certificate need not name) the host name has nothing to add
      options.setTrustOptions(new PemTrustOptions().addCertPath(cfg.http().tlsCertFile()))
          .setVerifyHost(!isLoopback(base));
    }
    return WebClient.create(vertx, options);
  }

  String token(String subject, String... roles) {
    return auth.token(subject, List.of(roles), TOKEN_MINUTES);
  }

  /**
   * Tokens for a command that may outlast one (an import or export of millions): the same token until half its life
   * has passed, then a new one, so that no request goes out with a token about to expire.
   */
  Supplier<String> tokens(String subject, String... roles) {
    return renewing(() -> token(subject, roles), TimeUnit.MINUTES.toNanos(TOKEN_MINUTES / 2), System::nanoTime);
  }

  /** What {@code make} gives, made again once {@code renewAfterNanos} of {@code clock} have passed since it was. */
  static Supplier<String> renewing(Supplier<String> make, long renewAfterNanos, LongSupplier clock) {
    return new Supplier<>() {
      private String value;
      private long madeAt;

      @Override
      public synchronized String get() {
        long now = clock.getAsLong();
        if (value == null || now - madeAt >= renewAfterNanos) {
          value = make.get();
          madeAt = now;
        }
        return value;
      }
    };
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
   * Says on standard error, in one line, that the hub refused {@code command}'s request (its problem's detail, else
   * its body), naming the hub: a 401 usually means a hub of another data directory, whose tokens another key signs.
   * Returns the exit code 1.
   */
  int refused(String command, HttpResponse<Buffer> response) {
    String detail = problemDetail(response);
    System.err.println("hub " + command + ": the hub at " + base + " answered " + response.statusCode() + ": "
        + (detail != null ? detail : response.bodyAsString()));
    return 1;
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
