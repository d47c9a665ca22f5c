package io.customerhub.store;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** libpq's sslmode and sslrootcert, read from HUB_PG_URL the way psql reads them. */
class PostgresTlsTest {

  private static final String BASE = "postgresql://hub:pw@db.example.com:5432/hub";

  @TempDir
  Path dir;

  private static PgConnectOptions configured(String uri) {
    return PostgresTls.configure(PgConnectOptions.fromUri(uri), uri);
  }

  @Test
  void plainByDefault() {
    PgConnectOptions o = configured(BASE);
    assertEquals(SslMode.DISABLE, o.getSslMode());
    assertEquals("", PostgresTls.jdbcParameters(o, BASE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"allow", "prefer", "require"})
  void encryptionWithoutACaChecksNoCertificate(String mode) {
    String uri = BASE + "?sslmode=" + mode;
    PgConnectOptions o = configured(uri);
    assertTrue(o.getSslOptions().isTrustAll());
    assertEquals("?sslmode=" + mode, PostgresTls.jdbcParameters(o, uri));
  }

  @Test
  void requireWithARootCertificateChecksTheChainAsLibpqDoes() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    String uri = BASE + "?sslmode=require&sslrootcert=" + ca;
    PgConnectOptions o = configured(uri);
    assertEquals(SslMode.VERIFY_CA, o.getSslMode());
    assertFalse(o.getSslOptions().isTrustAll());
    assertEquals(ca.toString(), ((PemTrustOptions) o.getSslOptions().getTrustOptions()).getCertPaths().get(0));
    assertEquals("", o.getSslOptions().getHostnameVerificationAlgorithm());
    assertEquals("?sslmode=verify-ca&sslrootcert=" + java.net.URLEncoder.encode(ca.toString(),
        java.nio.charset.StandardCharsets.UTF_8), PostgresTls.jdbcParameters(o, uri));
  }

  @Test
  void verifyFullChecksTheHostName() throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
    PgConnectOptions o = configured(BASE + "?sslmode=verify-full&sslrootcert=" + ca);
    assertEquals(SslMode.VERIFY_FULL, o.getSslMode());
    assertEquals("HTTPS", o.getSslOptions().getHostnameVerificationAlgorithm());
  }

  @Test
  void systemTrustsTheJvmsAuthorities() {
    String uri = BASE + "?sslmode=verify-full&sslrootcert=system";
    PgConnectOptions o = configured(uri);
    assertNotNull(o.getSslOptions().getTrustOptions());
    assertEquals("?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory",
        PostgresTls.jdbcParameters(o, uri));
  }

  @ParameterizedTest
  @ValueSource(strings = {"verify-ca", "verify-full"})
  void verifyingWithoutARootCertificateIsRefusedSayingWhatToGive(String mode) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> configured(BASE + "?sslmode=" + mode));
    assertEquals("HUB_PG_URL: sslmode=" + mode + " needs sslrootcert=<the CA's PEM file> or sslrootcert=system "
        + "(the JVM's trusted authorities)", e.getMessage());
  }

  @Test
  void anUnreadableRootCertificateIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> configured(BASE + "?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem"));
    assertEquals("HUB_PG_URL: sslrootcert=/nonexistent/ca.pem is not a readable file", e.getMessage());
  }

  @Test
  void theRootCertificatesPathIsUrlDecoded() {
    assertEquals("/etc/ssl/db ca.pem", PostgresTls.rootCert(BASE + "?sslmode=verify-ca&SSLROOTCERT=%2Fetc%2Fssl%2Fdb%20ca.pem"));
    assertNull(PostgresTls.rootCert(BASE + "?sslmode=verify-ca&sslrootcert="));
    assertNull(PostgresTls.rootCert(BASE));
  }

  @Test
  void aClientCertificateGoesToThePoolAndToTheMigrations() throws IOException {
    Path cert = Files.writeString(dir.resolve("client.crt"), "x");
    Path key = Files.writeString(dir.resolve("client.key"), "x");
    String uri = BASE + "?sslmode=require&sslcert=" + cert + "&sslkey=" + key;
    PgConnectOptions o = configured(uri);
    assertNotNull(o.getSslOptions().getKeyCertOptions());
    assertTrue(PostgresTls.jdbcParameters(o, uri).endsWith("&sslcert=" + java.net.URLEncoder.encode(cert.toString(),
        java.nio.charset.StandardCharsets.UTF_8) + "&sslkey=" + java.net.URLEncoder.encode(key.toString(),
        java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void aClientCertificateNeedsItsKey() throws IOException {
    Path cert = Files.writeString(dir.resolve("client.crt"), "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> configured(BASE + "?sslmode=require&sslcert=" + cert));
    assertEquals("HUB_PG_URL: sslcert and sslkey go together (the client certificate and its key, PEM)", e.getMessage());
  }
}
