package io.customerhub.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token secret a data directory holds: made once, and held to the length a configured one must have. */
class SecretsTest {

  @TempDir
  Path dir;

  private HubConfig config() {
    return ConfigLoader.load(Path.of("conf", "hub.json"), Map.of()).withDataDir(dir);
  }

  @Test
  void aSecretIsMadeOnceAndReadAgain() {
    String made = Secrets.jwtSecret(config());
    assertTrue(made.length() >= 32, made);
    assertEquals(made, Secrets.jwtSecret(config()));
  }

  @Test
  void aShortOrEmptySecretFileIsRefusedNamingIt() throws Exception {
    Files.writeString(dir.resolve("jwt-secret"), "abc\n");
    String why = assertThrows(IllegalArgumentException.class, () -> Secrets.jwtSecret(config())).getMessage();
    assertTrue(why.startsWith(dir.resolve("jwt-secret") + ": the token secret is 3 characters, fewer than 32"), why);
    Files.writeString(dir.resolve("jwt-secret"), "");
    assertThrows(IllegalArgumentException.class, () -> Secrets.jwtSecret(config()));
  }
}
