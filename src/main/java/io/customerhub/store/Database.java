package io.customerhub.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL system of record: a reactive pool plus the versioned schema, migrated once at start. */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final Pool pool;
  private final PgConnectOptions options;

  private Database(Pool pool, PgConnectOptions options) {
    this.pool = pool;
    this.options = options;
  }

  /** Migrates the schema (blocking JDBC, on a worker thread), then opens the reactive pool. */
  public static Future<Database> open(Vertx vertx, String pgUri, int poolSize) {
    PgConnectOptions connect = PostgresTls.configure(PgConnectOptions.fromUri(pgUri), pgUri)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256)
        // JIT compiling (on in stock PostgreSQL builds) pays off for long analytical queries, not for the
        // hub's short batch statements, whose estimated costs can still cross its threshold: off for its sessions
        .addProperty("jit", "off")
        .addProperty("application_name", "customer-hub");
    return vertx.executeBlocking(() -> {
      migrate(connect, PostgresTls.jdbcParameters(connect, pgUri));
      return null;
    }, false).map(v -> {
      Pool pool = PgBuilder.pool()
          .with(new PoolOptions().setMaxSize(poolSize).setMaxWaitQueueSize(10_000))
          .connectingTo(connect)
          .using(vertx)
          .build();
      return new Database(pool, connect);
    });
  }

  /** Host, port and database of a URL, for messages: never its password. */
  public static String where(String pgUri) {
    try {
      PgConnectOptions o = PgConnectOptions.fromUri(pgUri);
      return o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
    } catch (RuntimeException e) {
      return "the configured URL";
    }
  }

  /** @param tls the JDBC URL's TLS parameters, as the reactive pool has them ({@link PostgresTls}) */
  private static void migrate(PgConnectOptions o, String tls) {
    String jdbc = "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase() + tls;
    Flyway flyway = Flyway.configure()
        .dataSource(jdbc, o.getUser(), o.getPassword())
        .locations("classpath:db/migration")
        .load();
    var result = flyway.migrate();
    var current = flyway.info().current(); // targetSchemaVersion is null when nothing was left to apply
    LOG.info("schema at version {} ({} migrations applied)", current == null ? "none" : current.getVersion(),
        result.migrationsExecuted);
  }

  public Pool pool() {
    return pool;
  }

  /** The id made once for this database (V21): the nodes of one cache must share it ({@code ClusterMembers}). */
  public Future<java.util.UUID> identity() {
    return pool.query("select id from hub_identity").execute().map(rows -> rows.iterator().next().getUUID(0));
  }

  public PgConnectOptions options() {
    return options;
  }

  public Future<Void> close() {
    return pool.close();
  }
}
