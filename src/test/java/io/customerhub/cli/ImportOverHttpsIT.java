package io.customerhub.cli;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.TestCertificates;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/hub import} to a hub that speaks HTTPS: the command trusts the hub's own certificate from its config. */
class ImportOverHttpsIT {

  @TempDir
  Path dir;

  @Test
  void aFileIsImportedOverTls() throws Exception {
    TestCertificates.Pair pair = TestCertificates.selfSigned(dir, "hub", "hub.example.com");
    try (HubTestNode hub = HubTestNode.builder().env("HUB_HTTP_TLS_CERT_FILE", pair.cert().toString())
        .env("HUB_HTTP_TLS_KEY_FILE", pair.key().toString()).start()) {
      Path file = Files.writeString(dir.resolve("crm.ndjson"), new JsonObject().put("sourceId", "TLS-1")
          .put("kind", "person").put("givenName", "Ada").put("familyName", "Lovelace")
          .put("emails", List.of("ada.tls@import.example")).encode() + "\n");
      JsonObject http = new JsonObject().put("tlsCertFile", pair.cert().toString())
          .put("tlsKeyFile", pair.key().toString());
      CliRun run = CliRun.of(dir, "https://127.0.0.1:" + hub.port(), new JsonObject().put("http", http), "import",
          List.of("--source", "crm", file.toString()));
      assertEquals(0, run.exit(), run::toString);
      assertTrue(run.out().contains("1 accepted, 0 rejected"), run::toString);
      assertTrue(!run.err().contains("starting a local node"), () -> "the hub that was asked took it: " + run);
    }
  }
}
