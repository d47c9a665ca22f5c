package io.customerhub.store;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import javax.net.ssl.TrustManagerFactory;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TLS to PostgreSQL as libpq's parameters in {@code HUB_PG_URL} ask for it ({@code sslmode}, {@code sslrootcert}),
 * with libpq's meaning for the reactive pool and for the migrations' JDBC connection alike, so that the URL a
 * database team hands out works as it does for psql:
 * <ul>
 *   <li>{@code disable} (the default), {@code allow}, {@code prefer}: plain, or encrypted when the server offers it;
 *   <li>{@code require}: always encrypted; the server's certificate is not checked, unless {@code sslrootcert} is
 *       given (as libpq does when it finds a root certificate), then as {@code verify-ca};
 *   <li>{@code verify-ca}: the certificate must chain to {@code sslrootcert}: a PEM file, or {@code system}, the
 *       JVM's trusted authorities (a managed database whose certificate a public authority signed);
 *   <li>{@code verify-full}: and name the host the URL names.
 * </ul>
 * A server that checks its clients' certificates gets the one in {@code sslcert} with its key in {@code sslkey}
 * (PEM; the key PKCS#8, {@code BEGIN PRIVATE KEY}, as the migrations' JDBC driver reads no other).
 */
final class PostgresTls {

  static final String SYSTEM = "system";

  private PostgresTls() {
  }

  /** The options with the TLS the URL asks for; a verifying mode without a root certificate is refused. */
  static PgConnectOptions configure(PgConnectOptions options, String pgUri) {
    SslMode mode = effectiveMode(options.getSslMode(), rootCert(pgUri));
    options.setSslMode(mode);
    ClientSSLOptions ssl = new ClientSSLOptions();
    switch (mode) {
      case DISABLE -> {
        return options;
      }
      case ALLOW, PREFER, REQUIRE -> ssl.setTrustAll(true);
      case VERIFY_CA, VERIFY_FULL -> {
        ssl.setTrustOptions(trust(requiredRootCert(pgUri, mode)));
        ssl.setHostnameVerificationAlgorithm(mode == SslMode.VERIFY_FULL ? "HTTPS" : "");
      }
    }
    ClientCertificate client = clientCertificate(pgUri);
    if (client != null) {
      ssl.setKeyCertOptions(new PemKeyCertOptions().setCertPath(client.cert()).setKeyPath(client.key()));
    }
    return options.setSslOptions(ssl);
  }

  /** A client certificate and its key (PEM), for a server that asks the hub to prove who it is. */
  private record ClientCertificate(String cert, String key) {
  }

  /** {@code sslcert} with {@code sslkey}, checked; null when neither is given. */
  private static ClientCertificate clientCertificate(String pgUri) {
    String cert = parameter(pgUri, "sslcert");
    String key = parameter(pgUri, "sslkey");
    if (cert == null && key == null) return null;
    if (cert == null || key == null) {
      throw new IllegalArgumentException("HUB_PG_URL: sslcert and sslkey go together (the client certificate and "
          + "its key, PEM)");
    }
    for (String file : new String[] {cert, key}) {
      if (!Files.isReadable(Path.of(file))) {
        throw new IllegalArgumentException("HUB_PG_URL: " + file + " is not a readable file");
      }
    }
    return new ClientCertificate(cert, key);
  }

  /** The same TLS for pgjdbc, as URL parameters: {@code ?sslmode=…} or nothing. */
  static String jdbcParameters(PgConnectOptions options, String pgUri) {
    SslMode mode = options.getSslMode();
    if (mode == SslMode.DISABLE) return "";
    Map<String, String> params = new LinkedHashMap<>();
    params.put("sslmode", mode.value);
    if (mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL) {
      String root = requiredRootCert(pgUri, mode);
      if (root.equals(SYSTEM)) params.put("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
      else params.put("sslrootcert", root);
    }
    ClientCertificate client = clientCertificate(pgUri);
    if (client != null) {
      params.put("sslcert", client.cert());
      params.put("sslkey", client.key());
    }
    StringBuilder query = new StringBuilder();
    params.forEach((k, v) -> query.append(query.length() == 0 ? '?' : '&').append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return query.toString();
  }

  /** libpq: with a root certificate at hand, {@code require} checks the chain as {@code verify-ca} does. */
  private static SslMode effectiveMode(SslMode asked, String rootCert) {
    return asked == SslMode.REQUIRE && rootCert != null ? SslMode.VERIFY_CA : asked;
  }

  private static String requiredRootCert(String pgUri, SslMode mode) {
    String root = rootCert(pgUri);
    if (root == null) {
      throw new IllegalArgumentException("HUB_PG_URL: sslmode=" + mode.value + " needs sslrootcert=<the CA's PEM "
          + "file> or sslrootcert=system (the JVM's trusted authorities)");
    }
    if (!root.equals(SYSTEM) && !Files.isReadable(Path.of(root))) {
      throw new IllegalArgumentException("HUB_PG_URL: sslrootcert=" + root + " is not a readable file");
    }
    return root;
  }

  private static TrustOptions trust(String root) {
    if (!root.equals(SYSTEM)) return new PemTrustOptions().addCertPath(root);
    try {
      TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      system.init((KeyStore) null);
      return TrustOptions.wrap(system);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM's trusted authorities cannot be read", e);
    }
  }

  /** {@code sslrootcert} of the URL's query, decoded; null when absent. */
  static String rootCert(String pgUri) {
    return parameter(pgUri, "sslrootcert");
  }

  /** A parameter of the URL's query (its name in any case), decoded; null when absent or empty. */
  private static String parameter(String pgUri, String name) {
    int q = pgUri.indexOf('?');
    if (q < 0) return null;
    for (String pair : pgUri.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}
