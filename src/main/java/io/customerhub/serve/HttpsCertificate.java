package io.customerhub.serve;

import io.customerhub.config.HubConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The certificate the server presents when it speaks HTTPS ({@code http.tlsCertFile}, {@code http.tlsKeyFile}).
 * The files are looked at every {@code http.tlsReloadSeconds}; when they changed (a renewal by cert-manager or
 * certbot) and then stayed the same for one more look, new connections get the new certificate, without a restart
 * and without dropping a request; a pair caught half-written (a new key beside the old chain) is not taken.
 */
final class HttpsCertificate {

  private static final Logger LOG = LoggerFactory.getLogger(HttpsCertificate.class);

  private final Vertx vertx;
  private final HubConfig.Http http;
  /** What the files were when the certificate in use was loaded, and at the last look. */
  private volatile String loaded;
  private volatile String lastLook;

  HttpsCertificate(Vertx vertx, HubConfig.Http http) {
    this.vertx = vertx;
    this.http = http;
  }

  /** The server's options with HTTPS and the certificate; a file that cannot be read stops the start, named. */
  HttpServerOptions apply(HttpServerOptions options) {
    for (String file : new String[] {http.tlsCertFile(), http.tlsKeyFile()}) {
      if (!Files.isReadable(Path.of(file))) {
        throw new IllegalArgumentException("http.tlsCertFile / http.tlsKeyFile: " + file + " cannot be read");
      }
    }
    loaded = stamp();
    lastLook = loaded;
    return options.setSsl(true).setKeyCertOptions(keyCert());
  }

  /** Looks at the files from now on and gives {@code server} the new certificate when they change. */
  long watch(HttpServer server) {
    return vertx.setPeriodic(http.tlsReloadSeconds() * 1000L, id -> reloadIfChanged(server));
  }

  private void reloadIfChanged(HttpServer server) {
    vertx.executeBlocking(this::stamp, false).compose(now -> {
      // taken once the files have stopped changing: a renewal writes the key and the chain one after the other,
      // and a new key beside the old chain would load and then fail every handshake
      boolean settled = now.equals(lastLook);
      lastLook = now;
      if (now.equals(loaded) || !settled) return Future.succeededFuture();
      return server.updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(keyCert()), true).map(updated -> {
        if (updated) {
          loaded = now;
          LOG.info("HTTPS certificate reloaded from {}", http.tlsCertFile());
        }
        return null;
      });
    }).onFailure(e -> LOG.warn("HTTPS certificate {} could not be reloaded ({}); the one loaded before stays in use",
        http.tlsCertFile(), e.getMessage()));
  }

  private PemKeyCertOptions keyCert() {
    return new PemKeyCertOptions().setCertPath(http.tlsCertFile()).setKeyPath(http.tlsKeyFile());
  }

  /** What the two files are now: their sizes and modification times. */
  private String stamp() {
    try {
      StringBuilder s = new StringBuilder();
      for (String file : new String[] {http.tlsCertFile(), http.tlsKeyFile()}) {
        Path p = Path.of(file);
        s.append(Files.size(p)).append('@').append(Files.getLastModifiedTime(p).toMillis()).append(';');
      }
      return s.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
