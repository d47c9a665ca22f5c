package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.Restandardization.Changed;
import io.customerhub.resolve.Restandardization.Stored;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.support.Chunks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Standardizes every stored identity record again from its stored canonical form, as ingest would store it now,
 * and rewrites the standardized values and key hashes of those that come out differently: after a new release or a
 * change of conf/matching.json, records stored before would otherwise keep their old values and keys (which online
 * linking looks records up by) until a changed version of them arrives. Page by page, standardized on workers;
 * each page's writes are one transaction taken alone against ingest, like re-resolution's moves, and logged for
 * every node's candidate index. Ingest and stewards go on meanwhile: a row ingest replaced after it was read is left
 * as ingest wrote it. Profiles are untouched (their golden records come from the canonical forms); a re-resolution
 * afterwards joins what now meets.
 */
public final class Restandardizer {

  /** What a run did: identity records read, rewritten, and refused by the standardizer (left as they were). */
  public record Result(long records, int changed, int failed) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(Restandardizer.class);
  private static final int PAGE = 1_000;
  /** Failures logged one by one; a standardizer that fails on every record would otherwise log them all. */
  private static final int FAILURES_LOGGED = 10;
  private static final String ADVICE = "run `bin/hub reresolve --restandardize` (POST /api/v1/admin/reresolve"
      + "?restandardize=true)";

  private final Vertx vertx;
  private final Pool pool;
  private final Standardizer standardizer;
  private final IndexSync sync;
  private volatile Future<String> fingerprint;

  public Restandardizer(Vertx vertx, Pool pool, Standardizer standardizer, IndexSync sync) {
    this.vertx = vertx;
    this.pool = pool;
    this.standardizer = standardizer;
    this.sync = sync;
  }

  /** Runs over every stored identity record; {@code progress} hears of each page (phase "restandardizing"). */
  public Future<Result> run(Consumer<Reresolver.Progress> progress) {
    long started = System.nanoTime();
    return pool.query(ModelSql.COUNT_IDENTITIES).execute().compose(rows -> {
      Tally tally = new Tally(rows.iterator().next().getLong(0));
      progress.accept(new Reresolver.Progress("restandardizing", 0, tally.total));
      return page("", "", tally, progress);
    })
        // this node's index reads the rewritten records back now, not in the next batch to link, under its locks
        .compose(result -> pool.withTransaction(sync::catchUp).map(result))
        .compose(result -> fingerprint()
            .compose(fp -> pool.preparedQuery(StandardizationSql.RECORD_FINGERPRINT).execute(Tuple.of(fp)))
            .map(result))
        .onSuccess(r -> LOG.info("re-standardization of {} records: {} changed, {} could not be standardized "
            + "(left as they were), in {} ms", r.records(), r.changed(), r.failed(),
            (System.nanoTime() - started) / 1_000_000));
  }

  /** Counts shared by the pages of a run (workers add failures concurrently). */
  private static final class Tally {
    final long total;
    long read;
    int changed;
    final AtomicInteger failed = new AtomicInteger();

    Tally(long total) {
      this.total = total;
    }

    Result result() {
      return new Result(read, changed, failed.get());
    }
  }

  private Future<Result> page(String afterSource, String afterId, Tally tally, Consumer<Reresolver.Progress> progress) {
    return pool.preparedQuery(StandardizationSql.PAGE).execute(Tuple.of(afterSource, afterId, PAGE)).compose(set -> {
      List<Row> rows = new ArrayList<>(set.size());
      set.forEach(rows::add);
      if (rows.isEmpty()) return Future.succeededFuture(tally.result());
      Row last = rows.get(rows.size() - 1);
      return Chunks.concat(vertx, rows.size(), (from, to) -> restandardize(rows, from, to, tally))
          .compose(this::write)
          .compose(written -> {
            tally.read += rows.size();
            tally.changed += written;
            // records stored since the count make the pass run past it: the total grows with them
            progress.accept(new Reresolver.Progress("restandardizing", tally.read, Math.max(tally.total, tally.read)));
            return rows.size() < PAGE ? Future.succeededFuture(tally.result())
                : page(last.getString(0), last.getString(1), tally, progress);
          });
    });
  }

  /** On a worker: the rows of {@code [from, to)} whose values or keys come out differently now. */
  private List<Changed> restandardize(List<Row> rows, int from, int to, Tally tally) {
    List<Changed> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Row r = rows.get(i);
      SourceKey key = new SourceKey(r.getString(0), r.getString(1));
      Long[] boxed = r.getArrayOfLongs(5);
      long[] hashes = new long[boxed == null ? 0 : boxed.length];
      for (int k = 0; k < hashes.length; k++) hashes[k] = boxed[k];
      try {
        Restandardization.of(new Stored(key, r.getLong(2), r.getString(3), r.getString(4), hashes), standardizer)
            .ifPresent(out::add);
      } catch (RuntimeException e) {
        // ingest would refuse this record as it is stored now; it keeps the values it has
        if (tally.failed.incrementAndGet() <= FAILURES_LOGGED) {
          LOG.warn("record {} could not be standardized again; it keeps its stored values", key, e);
        }
      }
    }
    return out;
  }

  /**
   * One page's changed rows, alone against ingest so that no batch links between this commit and its own reading
   * of the index: a batch that started before has committed, one that starts after catches up with the change
   * logged here. Completes with how many rows were written (a row ingest replaced since is not).
   */
  private Future<Integer> write(List<Changed> changed) {
    if (changed.isEmpty()) return Future.succeededFuture(0);
    int n = changed.size();
    String[] sources = new String[n], ids = new String[n], standards = new String[n], hashes = new String[n];
    Long[] versions = new Long[n];
    for (int i = 0; i < n; i++) {
      Changed c = changed.get(i);
      sources[i] = c.stored().key().source();
      ids[i] = c.stored().key().sourceId();
      versions[i] = c.stored().version();
      standards[i] = c.standard();
      hashes[i] = KeyHash.literal(c.keyHashes());
    }
    return pool.withTransaction(conn -> conn.query(ResolveSql.EXCLUSIVE_WRITER_LOCK).execute()
        .compose(v -> conn.preparedQuery(StandardizationSql.WRITE)
            .execute(Tuple.of(sources, ids, versions, standards).addValue(hashes)))
        .compose(rows -> {
          List<SourceKey> written = new ArrayList<>(rows.size());
          for (Row r : rows) written.add(new SourceKey(r.getString(0), r.getString(1)));
          // every node (this one too) reads the rewritten records back when it next catches up
          return sync.log(conn, written, Map.of()).map(written);
        }))
        .map(List::size);
  }

  /**
   * Whether the stored records come from this node's standardization; when they do not (or nobody knows, because
   * they were stored by a hub that kept no fingerprint), says at WARN what it means and what to run. A hub without
   * identity records takes this node's standardization first.
   */
  public Future<Boolean> check() {
    return fingerprint().compose(fp -> pool.preparedQuery(StandardizationSql.CLAIM_IF_EMPTY).execute(Tuple.of(fp))
        .compose(v -> pool.query(StandardizationSql.STORED_FINGERPRINT).execute())
        .map(rows -> {
          if (rows.size() == 0) {
            LOG.warn("the stored records were standardized by a hub that kept no record of its standardization: if a "
                + "release or conf/matching.json (standardize, blocking.rules, nicknames) changed it since, their "
                + "standardized values and match keys are out of date and new records may not meet them; {}", ADVICE);
            return false;
          }
          Row r = rows.iterator().next();
          if (fp.equals(r.getString(0))) return true;
          LOG.warn("the stored records were standardized differently from this node (standardization {} of {}, this "
              + "node's {}): a new release or a change of conf/matching.json (standardize, blocking.rules, nicknames); "
              + "they keep their old standardized values and match keys, which new records may not meet, until "
              + "re-standardized: {}", r.getString(0), r.getOffsetDateTime(1), fp, ADVICE);
          return false;
        }));
  }

  /** This node's standardization fingerprint, computed once on a worker (the probes go through ICU). */
  private Future<String> fingerprint() {
    Future<String> f = fingerprint;
    if (f == null) {
      f = vertx.executeBlocking(() -> StandardizationFingerprint.of(standardizer), false);
      fingerprint = f;
    }
    return f;
  }
}
