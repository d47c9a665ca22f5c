package io.customerhub.embedded;

import java.nio.file.Path;

/**
 * Another process (or another node of this one) holds the data directory, and with it the embedded PostgreSQL
 * cluster. Its message is the one line a user needs: {@code bin/hub} prints it alone, not as a stack trace.
 */
public final class DataDirInUse extends IllegalStateException {

  private final Path dataDir;

  public DataDirInUse(Path dataDir, String message) {
    super(message);
    this.dataDir = dataDir;
  }

  public Path dataDir() {
    return dataDir;
  }
}
