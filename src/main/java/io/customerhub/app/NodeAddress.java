package io.customerhub.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where a running node answers HTTP, kept in {@code <dataDir>/node.url} while it runs: the commands of the same data
 * directory ({@code bin/hub import}, {@code train}, {@code reresolve}) find a node started with {@code --port 8351}
 * there, where the configured port would give them nothing, or another hub's node. A file left by a node that died
 * is harmless: a reader uses the address only when a hub answers there.
 */
public final class NodeAddress {

  static final String FILE = "node.url";

  private NodeAddress() {
  }

  public static Path file(Path dataDir) {
    return dataDir.resolve(FILE);
  }

  /** The address the data directory's file names, or empty when there is none (or it cannot be read). */
  public static Optional<String> read(Path dataDir) {
    try {
      String url = Files.readString(file(dataDir)).strip();
      return url.isEmpty() ? Optional.empty() : Optional.of(url);
    } catch (IOException | RuntimeException e) { // none, or unreadable: the commands go on to the configured port
      return Optional.empty();
    }
  }

  /** Written through a file moved in place, so that a command reading it meanwhile sees the whole address or none. */
  static void write(Path dataDir, String url) throws IOException {
    Files.createDirectories(dataDir);
    Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
    try {
      Files.writeString(tmp, url + "\n");
      Files.move(tmp, file(dataDir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Removes the file while it still names {@code url}: nodes on an external PostgreSQL may share a data directory,
   * and the file of one started since must stay.
   */
  static void remove(Path dataDir, String url) throws IOException {
    try {
      if (Files.readString(file(dataDir)).strip().equals(url)) Files.delete(file(dataDir));
    } catch (NoSuchFileException gone) {
      // nothing to remove
    }
  }

  /**
   * The address a command on this machine reaches a node at that listens on {@code host}: a node listening on every
   * interface is reached on the loopback one.
   */
  static String url(boolean tls, String host, int port) {
    String reachable = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1"
        : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return (tls ? "https" : "http") + "://" + reachable + ":" + port;
  }
}
