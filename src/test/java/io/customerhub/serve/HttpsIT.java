package io.customerhub.serve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub speaking HTTPS with its own certificate ({@code http.tlsCertFile}, {@code http.tlsKeyFile}): the API and
 * the console over TLS only, HSTS, and a renewed certificate taken without a restart.
 */
class HttpsIT {

  private static Path dir;
  private static Path cert;
  private static Path key;
  private static TestCertificates.Pair renewed;
  private static HubTestNode hub;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("hub-https-");
    TestCertificates.Pair first = TestCertificates.selfSigned(dir, "first", "hub-first");
    renewed = TestCertificates.selfSigned(dir, "renewed", "hub-renewed");
    cert = Files.copy(first.cert(), dir.resolve("hub.crt"));
    key = Files.copy(first.key(), dir.resolve("hub.key"));
    hub = HubTestNode.builder().env("HUB_HTTP_TLS_CERT_FILE", cert.toString())
        .env("HUB_HTTP_TLS_KEY_FILE", key.toString()).env("HUB_HTTP_TLS_RELOAD_SECONDS", "1").start();
  }

  @AfterAll
  static void stop() {
    if (hub != null) hub.close();
    HubTestNode.deleteTree(dir);
  }

  /** A new client each time: a new connection, so a new handshake. */
  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(TestCertificates.trusting(dir.resolve("first.crt"),
        renewed.cert())).connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + hub.port() + path));
    if (token != null) request.header("Authorization", "Bearer " + token);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String presented(HttpResponse<?> response) throws Exception {
    X509Certificate peer = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    return peer.getSubjectX500Principal().getName();
  }

  @Test
  void theApiAndTheConsoleAnswerOverTlsWithHsts() throws Exception {
    HttpResponse<String> me = get("/api/v1/me", hub.token("reader"));
    assertEquals(200, me.statusCode(), me::body);
    assertEquals("max-age=31536000", me.headers().firstValue("Strict-Transport-Security").orElse(null));
    assertEquals(200, get("/console/", null).statusCode());
    HttpResponse<String> refused = get("/api/v1/me", null);
    assertEquals(401, refused.statusCode());
    assertTrue(refused.headers().firstValue("Strict-Transport-Security").isPresent(), "problems carry it too");
  }

  @Test
  void plainHttpIsNotServed() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + hub.port() + "/health/live")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void aRenewedCertificateIsPresentedWithoutARestart() throws Exception {
    assertEquals("CN=hub-first", presented(get("/health/live", null)));
    // as certbot or cert-manager renews: the new files moved into place
    Files.copy(renewed.key(), key, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(renewed.cert(), cert, StandardCopyOption.REPLACE_EXISTING);
    String now = null;
    for (int i = 0; i < 40 && !"CN=hub-renewed".equals(now); i++) {
      Thread.sleep(250);
      now = presented(get("/health/live", null));
    }
    assertEquals("CN=hub-renewed", now);
  }
}
