package io.customerhub.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeAddressTest {

  @TempDir
  Path dir;

  @Test
  void aNodeListeningEverywhereIsReachedOnLoopback() {
    assertEquals("http://127.0.0.1:8351", NodeAddress.url(false, "127.0.0.1", 8351));
    assertEquals("http://127.0.0.1:8351", NodeAddress.url(false, "0.0.0.0", 8351));
    assertEquals("https://127.0.0.1:8443", NodeAddress.url(true, "::", 8443));
    assertEquals("http://[::1]:8080", NodeAddress.url(false, "::1", 8080));
    assertEquals("http://hub.example:8080", NodeAddress.url(false, "hub.example", 8080));
  }

  @Test
  void theAddressIsReadAsWrittenAndANewDirectoryIsCreated() throws Exception {
    Path data = dir.resolve("new");
    NodeAddress.write(data, "http://127.0.0.1:8351");
    assertEquals(Optional.of("http://127.0.0.1:8351"), NodeAddress.read(data));
    NodeAddress.write(data, "http://127.0.0.1:8352"); // a node started again replaces it
    assertEquals(Optional.of("http://127.0.0.1:8352"), NodeAddress.read(data));
    try (var files = Files.list(data)) {
      assertEquals(1, files.count(), "no temporary file left beside it");
    }
  }

  @Test
  void noFileOrAnEmptyOneIsNoAddress() throws Exception {
    assertEquals(Optional.empty(), NodeAddress.read(dir));
    Files.writeString(NodeAddress.file(dir), "\n");
    assertEquals(Optional.empty(), NodeAddress.read(dir));
  }

  /** Nodes on an external PostgreSQL may share a data directory: one stopping leaves a later one's address. */
  @Test
  void aNodeRemovesOnlyItsOwnAddress() throws Exception {
    NodeAddress.write(dir, "http://127.0.0.1:2");
    NodeAddress.remove(dir, "http://127.0.0.1:1");
    assertTrue(Files.exists(NodeAddress.file(dir)));
    NodeAddress.remove(dir, "http://127.0.0.1:2");
    assertFalse(Files.exists(NodeAddress.file(dir)));
    NodeAddress.remove(dir, "http://127.0.0.1:2"); // gone already: nothing to do
  }
}
