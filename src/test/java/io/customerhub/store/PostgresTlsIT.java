package io.customerhub.store;

import io.customerhub.embedded.EmbeddedPostgresServer;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.TestCertificates;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PostgreSQL that takes TLS connections only ({@code hostssl} in its pg_hba.conf), as managed databases do: the
 * hub reaches it with libpq's parameters in {@code HUB_PG_URL} (migrations and pool alike), checks the server's
 * certificate against the CA it is given, refuses a certificate for another host, and cannot connect in plain text.
 */
class PostgresTlsIT {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Path dir;
  private static Path cert;
  private static TestCertificates.Pair client;
  private static EmbeddedPostgresServer server;

  @BeforeAll
  static void startTlsOnlyServer() throws Exception {
    dir = Files.createTempDirectory("hub-pg-tls-");
    // a self-signed certificate for 127.0.0.1: its own CA, as a database team's private CA would sign one
    TestCertificates.Pair pair = TestCertificates.selfSigned(dir, "server", "127.0.0.1");
    cert = pair.cert();
    Path key = pair.key();
    // the organization's CA for its clients: the database of the mutual-TLS test takes only its certificates
    TestCertificates.Pair clients = TestCertificates.selfSigned(dir, "clients-ca", "clients-ca");
    client = TestCertificates.signedBy(clients, dir, "hub-client", "postgres");
    Path hba = Files.writeString(dir.resolve("pg_hba.conf"), """
        local all all trust
        hostssl hub_mtls all 127.0.0.1/32 trust clientcert=verify-full
        hostssl all all 127.0.0.1/32 trust
        hostnossl all all 0.0.0.0/0 reject
        """);
    server = EmbeddedPostgresServer.startTemporary(dir, Map.of("ssl", "on", "ssl_cert_file", cert.toString(),
        "ssl_key_file", key.toString(), "ssl_ca_file", clients.cert().toString(), "hba_file", hba.toString()));
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    HubTestNode.deleteTree(dir);
  }

  /** A new database on the TLS server; its URL as a database team hands it out, with the TLS parameters. */
  private static String database(String tls) throws SQLException {
    String name = "hub_tls_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(server.jdbcUrl() + "&sslmode=require");
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return server.pgUri(name) + "?" + tls;
  }

  @Test
  void verifyFullWithTheDatabasesCaTakesRecordsOverTls() throws SQLException {
    try (HubTestNode hub = HubTestNode.builder()
        .postgresUrl(database("sslmode=verify-full&sslrootcert=" + cert)).start()) {
      Rec record = WireRecords.person("crm", WireRecords.uniqueId("C")).name("Ada", "Lovelace")
          .emails(WireRecords.uniqueEmail("ada")).updatedAt(WireRecords.at(0));
      assertEquals("accepted", hub.ingest(record).get(0).getString("status"));
      try (Connection c = DriverManager.getConnection(server.jdbcUrl() + "&sslmode=require");
           Statement s = c.createStatement();
           ResultSet r = s.executeQuery("select count(*), bool_and(s.ssl) from pg_stat_activity a "
               + "join pg_stat_ssl s using (pid) where a.application_name = 'customer-hub'")) {
        r.next();
        assertTrue(r.getInt(1) > 0, "the hub's pool is connected");
        assertTrue(r.getBoolean(2), "every connection of the hub is encrypted");
      }
    }
  }

  @Test
  void aServerThatChecksClientCertificatesTakesTheHubsOwn() throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl() + "&sslmode=require");
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE hub_mtls");
    }
    String url = server.pgUri("hub_mtls") + "?sslmode=verify-full&sslrootcert=" + cert;
    String without = reasons(assertThrows(IllegalStateException.class,
        () -> HubTestNode.builder().postgresUrl(url).start()));
    assertTrue(without.contains("connection requires a valid client certificate"), without);
    try (HubTestNode hub = HubTestNode.builder()
        .postgresUrl(url + "&sslcert=" + client.cert() + "&sslkey=" + client.key()).start()) {
      assertEquals(200, hub.get("/health/ready", null).status());
    }
  }

  @Test
  void requireEncryptsWithoutACa() throws SQLException {
    try (HubTestNode hub = HubTestNode.builder().postgresUrl(database("sslmode=require")).start()) {
      assertEquals(200, hub.get("/health/ready", null).status());
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefused() throws SQLException {
    String url = database("sslmode=verify-full&sslrootcert=" + cert).replace("@127.0.0.1:", "@localhost:");
    String why = reasons(assertThrows(IllegalStateException.class, () -> HubTestNode.builder().postgresUrl(url).start()));
    assertTrue(why.contains("The hostname localhost could not be verified"), why);
  }

  @Test
  void withoutTlsTheServerRefusesTheHub() throws SQLException {
    String url = database("sslmode=disable");
    String why = reasons(assertThrows(IllegalStateException.class, () -> HubTestNode.builder().postgresUrl(url).start()));
    assertTrue(why.contains("pg_hba.conf rejects connection") && why.contains("no encryption"), why);
  }

  private static String reasons(Throwable failure) {
    StringBuilder why = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) why.append(t.getMessage()).append(" / ");
    return why.toString();
  }
}
