package io.customerhub.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The revocations in PostgreSQL and this node's copy of those in force. A node reads them at start and every
 * {@code refreshSeconds}, and at once after a change it made itself: a token revoked through one node is refused
 * by the others within that period. A failed read keeps the copy it has (the revocations known stay in force) and
 * says so at WARN until a read succeeds.
 */
public final class TokenRevocations implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TokenRevocations.class);

  private final Vertx vertx;
  private final Pool pool;
  private volatile Revocations current = Revocations.NONE;
  private volatile boolean failing;
  /** Changes this node made: a read sent before the latest of them must not replace the copy that holds it. */
  private final AtomicLong changes = new AtomicLong();
  private long timer = -1;

  public TokenRevocations(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** Reads the revocations in force, then again every {@code refreshSeconds}; fails if the first read does. */
  public Future<Void> start(int refreshSeconds) {
    return refresh().onSuccess(v -> timer = vertx.setPeriodic(refreshSeconds * 1000L, id -> refresh()));
  }

  /** The revocations in force as this node last read them. */
  public Revocations current() {
    return current;
  }

  /** Reads the revocations in force again. */
  public Future<Void> refresh() {
    long changesBefore = changes.get();
    return pool.preparedQuery(RevocationSql.IN_FORCE).execute().map(rows -> {
      if (changes.get() == changesBefore) current = Revocations.of(revocations(rows));
      if (failing) LOG.info("token revocations read again");
      failing = false;
      return (Void) null;
    }).onFailure(e -> {
      if (!failing) LOG.warn("cannot read the token revocations, keeping the {} known: {}", current.all().size(),
          e.getMessage());
      failing = true;
    });
  }

  /** Revokes one token by its id; {@code expiresAt} (null: unknown) is when it stops mattering. */
  public Future<Revocation> revokeToken(String tokenId, Instant expiresAt, String reason, String revokedBy) {
    OffsetDateTime expires = expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC);
    return changed(RevocationSql.REVOKE_TOKEN, Tuple.of(tokenId, expires, reason, revokedBy), true).map(Optional::get);
  }

  /** Revokes every token of {@code subject} issued up to now: tokens issued from the next second on are taken. */
  public Future<Revocation> revokeSubject(String subject, String reason, String revokedBy) {
    return changed(RevocationSql.REVOKE_SUBJECT, Tuple.of(subject, reason, revokedBy), true).map(Optional::get);
  }

  /** Withdraws a revocation made by mistake; empty when there is none of that id. */
  public Future<Optional<Revocation>> withdraw(long id, String withdrawnBy) {
    return changed(RevocationSql.WITHDRAW, Tuple.of(id, withdrawnBy), false);
  }

  /**
   * Runs a change and applies it to this node's copy before answering (also when the read that follows fails),
   * then reads the revocations again for those other nodes made meanwhile.
   */
  private Future<Optional<Revocation>> changed(String sql, Tuple args, boolean added) {
    return pool.preparedQuery(sql).execute(args).compose(rows -> {
      Optional<Revocation> one = revocations(rows).stream().findFirst();
      one.ifPresent(r -> apply(r, added));
      return refresh().transform(read -> Future.succeededFuture(one));
    });
  }

  private synchronized void apply(Revocation r, boolean added) {
    changes.incrementAndGet();
    current = added ? current.with(r) : current.without(r.id());
  }

  private static List<Revocation> revocations(RowSet<Row> rows) {
    List<Revocation> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new Revocation(r.getLong("id"), r.getString("token_id"), r.getString("subject"),
          instant(r.getOffsetDateTime("issued_before")), instant(r.getOffsetDateTime("expires_at")),
          r.getString("reason"), r.getString("revoked_by"), instant(r.getOffsetDateTime("revoked_at"))));
    }
    return out;
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public void close() {
    if (timer >= 0) vertx.cancelTimer(timer);
  }
}
