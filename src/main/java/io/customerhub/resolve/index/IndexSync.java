package io.customerhub.resolve.index;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.TermFrequencies;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps this node's {@link CandidateIndex} equal to what PostgreSQL has committed. Every transaction that changes
 * records, links or merges appends one numbered row to {@code index_change} (numbers follow commit order); before
 * a batch reads candidates, with its key locks held, it catches up: this node's own changes are applied from
 * memory as they commit, the others' are read back from the records they name. Index states carry the number
 * of the change they reflect, so the two ways may arrive in any order.
 */
public final class IndexSync {

  private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
  private static final int LOAD_PAGE = 5_000;

  /** What one transaction changed: records to index or forget, and profiles merged into others. */
  public record Changes(List<CandidateIndex.Indexed> put, List<SourceKey> removed, Map<UUID, UUID> merges) {
    boolean isEmpty() {
      return put.isEmpty() && removed.isEmpty() && merges.isEmpty();
    }
  }

  /** One writing transaction's change, appended; told whether the transaction committed. */
  public final class Appended {
    private final long seq;
    private final Changes changes;
    private final Promise<Void> done = Promise.promise();

    private Appended(long seq, Changes changes) {
      this.seq = seq;
      this.changes = changes;
    }

    public void committed() {
      apply(changes, seq);
      ownApplied.add(seq);
      pending.remove(seq);
      done.tryComplete();
    }

    public void abandoned() {
      pending.remove(seq);
      done.tryFail("not committed here");
    }
  }

  /**
   * The database's change log is behind what this node has read: PostgreSQL lost its last commits while the node ran
   * (a failover to a replica that lagged, a restore from a backup). The index holds records the database no longer
   * has, and would hide the ones other nodes write under the lost numbers. The index is loaded again
   * ({@link #reloadAfterRewind}): a batch that finds it in its catch-up goes on with the new index; a writer that
   * finds it only when it numbers its change fails with this, rolls back, and is tried again once the load is done.
   */
  public static final class Rewound extends RuntimeException {
    Rewound(long last, long read) {
      super("PostgreSQL's change log ends at " + last + ", behind change " + read + " which this node has read: the "
          + "database lost its last commits (a failover to a replica that lagged, a restore); the candidate index is "
          + "loaded again", null, false, false);
    }
  }

  private final Pool pool;
  private final Function<String, long[]> nameHashesOf;
  private final Consumer<TermFrequencies> countsInUse;
  private volatile CandidateIndex index;
  private final Map<Long, Future<Void>> pending = new ConcurrentHashMap<>();
  /** This node's own committed changes past {@link #applied}, which catch-ups skip. */
  private final NavigableSet<Long> ownApplied = new ConcurrentSkipListSet<>();
  private long applied;
  /** The load under way after the database went back, which every batch that found it waits for (guarded by this). */
  private Future<Void> reloading;
  /** Told when the database is found to have gone back, before the index is loaded again. */
  private volatile Runnable onRewind = () -> { };
  /** The points catch-ups under way started from, with how many started from each (guarded by this). */
  private final TreeMap<Long, Integer> catchingUpFrom = new TreeMap<>();

  /**
   * {@code nameHashesOf}: what each record is found by in a search by name (see {@link CandidateIndex});
   * {@code countsInUse}: told of the value counts of the index in place, now and whenever a load replaces it, so
   * that the matcher weighs values by how often the committed records give them.
   */
  public IndexSync(Pool pool, Function<String, long[]> nameHashesOf, Consumer<TermFrequencies> countsInUse) {
    this.pool = pool;
    this.nameHashesOf = nameHashesOf;
    this.countsInUse = countsInUse;
    this.index = new CandidateIndex(nameHashesOf);
    countsInUse.accept(index.frequencies());
  }

  public CandidateIndex index() {
    return index;
  }

  /**
   * Loads every identity record into a new index and puts it in place of the old one (batches reading meanwhile
   * use the old one, whole). Changes committed after the load began are caught up with later, read back: they
   * are newer than what the load saw.
   */
  public Future<Integer> load() {
    long started = System.nanoTime();
    CandidateIndex fresh = new CandidateIndex(nameHashesOf);
    return pool.withTransaction(conn -> conn.query(IndexSql.LAST_SEQ).execute().compose(last -> {
      long seq = last.iterator().next().getLong(0);
      return conn.prepare(IndexSql.ALL_RECORDS).compose(ps -> readAll(fresh, ps.cursor(), seq, 0)).map(n -> {
        synchronized (this) {
          index = fresh;
          applied = seq;
          ownApplied.clear();
        }
        countsInUse.accept(fresh.frequencies());
        return n;
      });
    })).onSuccess(n -> LOG.info("candidate index: {} records, {} keys loaded in {} ms", n, fresh.keyEntries(),
        (System.nanoTime() - started) / 1_000_000));
  }

  /** What else holds states the database may have lost (the cache), to be told when it went back. */
  public void onRewind(Runnable listener) {
    this.onRewind = listener;
  }

  /**
   * Loads the index again after the database went back ({@link Rewound}); every caller meanwhile waits for the same
   * load. The listener ({@link #onRewind}) is told first.
   */
  public synchronized Future<Void> reloadAfterRewind() {
    if (reloading == null) {
      onRewind.run();
      Future<Void> load = load().mapEmpty();
      reloading = load;
      load.onComplete(done -> reloaded(load));
    }
    return reloading;
  }

  private synchronized void reloaded(Future<Void> load) {
    if (reloading == load) reloading = null;
  }

  /**
   * Whether PostgreSQL's change log is behind what this node has read (it lost commits), and if so loads the index
   * again: looked at now and then, so that a node that writes nothing finds it too.
   */
  public Future<Boolean> checkNotRewound() {
    // read before the log's end is asked for: a commit meanwhile may end it past the answer
    long read = seenSeq();
    return pool.query(IndexSql.LAST_SEQ).execute().compose(rows -> {
      long last = rows.iterator().next().getLong(0);
      if (last >= read) return Future.succeededFuture(false);
      return reloadAfter(new Rewound(last, read)).map(true);
    });
  }

  /**
   * The newest change this node knows committed: the last it read, or its own committed since. The database's log
   * never ends before it.
   */
  private synchronized long seenSeq() {
    Long own = ownApplied.floor(Long.MAX_VALUE);
    return own == null ? applied : Math.max(applied, own);
  }

  /** Says that the database lost commits, and loads the index again ({@link #reloadAfterRewind}). */
  private Future<Void> reloadAfter(Rewound found) {
    LOG.error("{}", found.getMessage());
    return reloadAfterRewind();
  }

  private static Future<Integer> readAll(CandidateIndex into, Cursor cursor, long stamp, int soFar) {
    return cursor.read(LOAD_PAGE).compose(rows -> {
      int n = soFar;
      for (Row r : rows) {
        CandidateIndex.Indexed e = indexed(r);
        if (e != null) {
          into.put(e, stamp);
          n++;
        }
      }
      int total = n;
      return cursor.hasMore() ? readAll(into, cursor, stamp, total) : cursor.close().map(total);
    });
  }

  /**
   * Brings the index up to every change committed before this call, inside the caller's transaction (which
   * holds the key locks its batch reads candidates under).
   */
  public Future<Void> catchUp(SqlConnection conn) {
    long seen = seenSeq();
    long from = startCatchUp();
    return conn.preparedQuery(IndexSql.CHANGES_AFTER).execute(Tuple.of(from, seen)).<Void>compose(rows -> {
      if (rows.size() == 0) return Future.succeededFuture();
      List<Row> changes = new ArrayList<>();
      rows.forEach(changes::add);
      for (Row r : changes) {
        if (r.getValue(1) == null) {
          return reloadAfter(new Rewound(r.getLong(0), seen));
        }
      }
      long first = changes.get(0).getLong(0), last = changes.get(changes.size() - 1).getLong(0);
      if (first != from + 1) {
        LOG.warn("candidate index: changes {} to {} were pruned before this node read them; reloading", from + 1,
            first - 1);
        return load().mapEmpty();
      }
      List<Future<Void>> own = new ArrayList<>();
      for (Row r : changes) {
        Future<Void> p = pending.get(r.getLong(0));
        if (p != null) own.add(p.recover(e -> Future.succeededFuture()));
      }
      return Future.all(own).compose(v -> readBack(conn, changes)).map(v -> {
        advance(last);
        return null;
      });
    }).onComplete(done -> endCatchUp(from));
  }

  /**
   * Forgets what the index keeps only for states that arrive late (see {@link CandidateIndex#forgetBefore}), up
   * to the oldest change a state can still arrive from: states come from catch-ups, which read changes after the
   * point each started from, and from this node's own commits, which are applied before any catch-up passes
   * them. Returns how many entries were forgotten.
   */
  public int compact() {
    return index.forgetBefore(watermark());
  }

  private synchronized long startCatchUp() {
    catchingUpFrom.merge(applied, 1, Integer::sum);
    return applied;
  }

  private synchronized void endCatchUp(long from) {
    catchingUpFrom.computeIfPresent(from, (k, n) -> n == 1 ? null : n - 1);
  }

  private synchronized long watermark() {
    return catchingUpFrom.isEmpty() ? applied : Math.min(applied, catchingUpFrom.firstKey());
  }

  /** Applies the changes of other nodes (and own ones whose commit this node did not see) from the database. */
  private Future<Void> readBack(SqlConnection conn, List<Row> changes) {
    Map<SourceKey, Long> stampOf = new HashMap<>();
    for (Row r : changes) {
      long seq = r.getLong(0);
      if (ownApplied.contains(seq)) continue;
      String[] sources = r.getArrayOfStrings(1), ids = r.getArrayOfStrings(2);
      for (int i = 0; i < sources.length; i++) stampOf.merge(new SourceKey(sources[i], ids[i]), seq, Math::max);
      UUID[] losers = r.getArrayOfUUIDs(3), survivors = r.getArrayOfUUIDs(4);
      for (int i = 0; i < losers.length; i++) index.merged(losers[i], survivors[i], seq);
    }
    return readBack(conn, new ArrayList<>(stampOf.keySet()), 0, stampOf);
  }

  /**
   * The records of {@code keys} from {@code from} on, a page at a time: a change of every record (a
   * re-standardization) would otherwise be one result of every record's values, held whole.
   */
  private Future<Void> readBack(SqlConnection conn, List<SourceKey> keys, int from, Map<SourceKey, Long> stampOf) {
    if (from >= keys.size()) return Future.succeededFuture();
    int to = Math.min(keys.size(), from + LOAD_PAGE);
    String[] sources = new String[to - from], ids = new String[to - from];
    for (int k = from; k < to; k++) {
      sources[k - from] = keys.get(k).source();
      ids[k - from] = keys.get(k).sourceId();
    }
    return conn.preparedQuery(IndexSql.RECORDS).execute(Tuple.tuple().addValue(sources).addValue(ids)).compose(rows -> {
      for (Row r : rows) {
        SourceKey key = new SourceKey(r.getString(0), r.getString(1));
        CandidateIndex.Indexed e = indexed(r);
        if (e == null) index.remove(key, stampOf.get(key));
        else index.put(e, stampOf.get(key));
      }
      return readBack(conn, keys, to, stampOf);
    });
  }

  /**
   * Numbers the caller's change and writes it, inside the caller's transaction and as its last statements (the
   * clock lock it takes is held until the commit). The caller tells the answer whether it committed; until then,
   * batches catching up wait for it.
   */
  public Future<Appended> append(SqlConnection conn, Changes changes) {
    if (changes.isEmpty()) return Future.succeededFuture();
    List<SourceKey> records = new ArrayList<>(changes.put().size() + changes.removed().size());
    changes.put().forEach(e -> records.add(e.key()));
    records.addAll(changes.removed());
    return write(conn, records, changes.merges()).map(seq -> {
      Appended a = new Appended(seq, changes);
      pending.put(seq, a.done.future());
      return a;
    });
  }

  /**
   * Writes a change that every node, this one included, reads back from the records it names: for writers that
   * move many records at once (re-resolution) and have no index states in hand.
   */
  public Future<Void> log(SqlConnection conn, List<SourceKey> records, Map<UUID, UUID> merges) {
    if (records.isEmpty() && merges.isEmpty()) return Future.succeededFuture();
    return write(conn, records, merges).mapEmpty();
  }

  private Future<Long> write(SqlConnection conn, List<SourceKey> records, Map<UUID, UUID> merges) {
    String[] sources = new String[records.size()], ids = new String[records.size()];
    for (int k = 0; k < records.size(); k++) {
      sources[k] = records.get(k).source();
      ids[k] = records.get(k).sourceId();
    }
    UUID[] losers = merges.keySet().toArray(UUID[]::new);
    UUID[] survivors = new UUID[losers.length];
    for (int i = 0; i < losers.length; i++) survivors[i] = merges.get(losers[i]);
    return conn.query(IndexSql.CLOCK_LOCK).execute()
        .compose(v -> conn.preparedQuery(IndexSql.APPEND).execute(Tuple.of(sources, ids, losers, survivors)))
        .compose(rows -> {
          long seq = rows.iterator().next().getLong(0);
          // under the clock lock the next number is past every committed one, and this node has read none newer
          long read = seenSeq();
          if (seq > read) return Future.succeededFuture(seq);
          // fails at once rather than wait for the load while the transaction holds the clock lock
          Rewound rewound = new Rewound(seq - 1, read);
          reloadAfter(rewound);
          return Future.failedFuture(rewound);
        });
  }

  /** Drops changes older than {@code hours}; returns how many. */
  public Future<Integer> prune(int hours) {
    return pool.preparedQuery(IndexSql.PRUNE).execute(Tuple.of(hours)).map(RowSet::rowCount);
  }

  private void apply(Changes changes, long seq) {
    changes.merges().forEach((loser, survivor) -> index.merged(loser, survivor, seq));
    for (SourceKey key : changes.removed()) index.remove(key, seq);
    for (CandidateIndex.Indexed e : changes.put()) index.put(e, seq);
  }

  private synchronized void advance(long seq) {
    if (seq <= applied) return;
    applied = seq;
    ownApplied.removeIf(s -> s <= seq);
  }

  private static CandidateIndex.Indexed indexed(Row r) {
    String standard = r.getString(3);
    UUID profile = r.getUUID(2);
    Long[] boxed = r.getArrayOfLongs(4);
    if (standard == null || profile == null || boxed == null) return null;
    long[] hashes = new long[boxed.length];
    for (int i = 0; i < boxed.length; i++) hashes[i] = boxed[i];
    return new CandidateIndex.Indexed(new SourceKey(r.getString(0), r.getString(1)), profile, standard, hashes);
  }
}
