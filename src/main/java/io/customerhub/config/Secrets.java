package io.customerhub.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The token-signing secret: from configuration or {@code HUB_JWT_SECRET} when given; otherwise a random secret
 * created once in the data directory (readable by its owner only), so that {@code bin/hub token} and a running
 * embedded hub agree without any secret in code.
 */
public final class Secrets {

  private static final int MIN_LENGTH = 32;

  private Secrets() {
  }

  public static String jwtSecret(HubConfig config) {
    if (config.auth().jwtSecret() != null) {
      if (config.auth().jwtSecret().length() < MIN_LENGTH) {
        throw new IllegalArgumentException("auth.jwtSecret (HUB_JWT_SECRET) must be at least " + MIN_LENGTH
            + " characters");
      }
      return config.auth().jwtSecret();
    }
    Path file = config.dataDir().resolve("jwt-secret");
    try {
      if (Files.exists(file)) {
        // a key written by hand (or cut short) is held to the length a configured one must have: a 3-byte key
        // signed tokens anybody could forge, and an empty one failed later with "Empty key", naming no file
        String secret = Files.readString(file).strip();
        if (secret.length() < MIN_LENGTH) {
          throw new IllegalArgumentException(file + ": the token secret is " + secret.length() + " characters, fewer "
              + "than " + MIN_LENGTH + "; write a longer one, or remove the file for the hub to make one (tokens "
              + "signed with the old one stop working)");
        }
        return secret;
      }
      Files.createDirectories(config.dataDir());
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Path tmp = Files.createTempFile(config.dataDir(), "jwt", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, secret);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the token secret " + file, e);
    }
  }

  /**
   * The hub's token secrets: {@code current} signs and verifies, {@code previous} (those signed with before it)
   * verify the tokens they signed until these expire.
   */
  public record Signing(String current, List<String> previous) {
  }

  /** The current secret ({@link #jwtSecret}) and the previous ones, each as long as a secret must be. */
  public static Signing signing(HubConfig config) {
    for (String secret : config.auth().previousJwtSecrets()) {
      if (secret.length() < MIN_LENGTH) {
        throw new IllegalArgumentException("auth.previousJwtSecrets (HUB_AUTH_PREVIOUS_JWT_SECRETS): each must be at "
            + "least " + MIN_LENGTH + " characters");
      }
    }
    return new Signing(jwtSecret(config), config.auth().previousJwtSecrets());
  }
}
