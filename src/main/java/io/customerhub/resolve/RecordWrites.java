package io.customerhub.resolve;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The batch's writes of source records, their match keys, and the detaching of deleted records. */
final class RecordWrites {

  private final SqlConnection conn;
  private final BatchState state;

  RecordWrites(SqlConnection conn, BatchState state) {
    this.conn = conn;
    this.state = state;
  }

  Future<Void> writeRecords(List<Prepared> applied) {
    if (applied.isEmpty()) return Future.succeededFuture();
    int n = applied.size();
    String[] src = new String[n], id = new String[n], kind = new String[n], updated = new String[n], hash = new String[n],
        canonical = new String[n], raw = new String[n], standard = new String[n], keyHashes = new String[n];
    Boolean[] deleted = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Prepared p = applied.get(i);
      CanonicalRecord r = p.record();
      src[i] = r.source();
      id[i] = r.sourceId();
      kind[i] = r.kind().wire();
      updated[i] = r.updatedAt() == null ? null : r.updatedAt().toString();
      hash[i] = p.hash();
      deleted[i] = r.deleted();
      canonical[i] = p.canonical();
      raw[i] = p.incoming().raw();
      standard[i] = p.standardEncoded();
      keyHashes[i] = p.isIdentity() ? KeyHash.literal(p.keyHashes()) : null;
    }
    return conn.preparedQuery(ResolveSql.UPSERT_RECORDS)
        .execute(Tuple.of(src, id, kind, updated, hash, deleted, canonical, raw, standard).addValue(keyHashes))
        .mapEmpty();
  }

  /**
   * Replaces the match keys of the batch's identity records and removes those of its deletes. Only records
   * stored before can have keys to remove: {@code storedHashes} lists the hashes each stored row had (the batch
   * holds the lock of every record's own key), so a bulk load of new records skips the delete.
   */
  Future<Void> writeKeys(List<Prepared> identities, List<Prepared> deletes, Map<SourceKey, long[]> storedHashes) {
    List<Long> oldHash = new ArrayList<>();
    List<String> oldSource = new ArrayList<>(), oldId = new ArrayList<>();
    for (Prepared p : concat(identities, deletes)) {
      long[] old = storedHashes.get(p.key());
      if (old == null) continue;
      for (long h : old) {
        oldHash.add(h);
        oldSource.add(p.key().source());
        oldId.add(p.key().sourceId());
      }
    }
    List<Long> hash = new ArrayList<>();
    List<String> source = new ArrayList<>(), id = new ArrayList<>();
    for (Prepared p : identities) {
      for (long h : p.keyHashes()) {
        hash.add(h);
        source.add(p.key().source());
        id.add(p.key().sourceId());
      }
    }
    Future<?> removed = oldHash.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(ResolveSql.DELETE_KEYS).execute(Tuple.of(oldHash.toArray(Long[]::new),
            oldSource.toArray(String[]::new), oldId.toArray(String[]::new)));
    return removed
        .compose(v -> hash.isEmpty() ? Future.succeededFuture() : conn.preparedQuery(ResolveSql.INSERT_KEYS)
            .execute(Tuple.of(hash.toArray(Long[]::new), source.toArray(String[]::new), id.toArray(String[]::new))))
        .mapEmpty();
  }

  Future<Void> detach(List<Prepared> deletes) {
    if (deletes.isEmpty()) return Future.succeededFuture();
    deletes.forEach(p -> state.record(p, Outcome.of(Outcome.Kind.DELETED, null)));
    return conn.preparedQuery(ResolveSql.DELETE_CROSSWALK).execute(SqlParams.keyArrays(deletes))
        .map(rows -> {
          for (Row r : rows) state.affected.add(r.getUUID(0));
          return null;
        });
  }

  /** The lists' records in order, each once (a guest order is in two lists); by identity: a record's own hash is deep. */
  @SafeVarargs
  static List<Prepared> concat(List<Prepared>... lists) {
    Set<Prepared> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Prepared> all = new ArrayList<>();
    for (List<Prepared> l : lists) {
      for (Prepared p : l) if (seen.add(p)) all.add(p);
    }
    return all;
  }
}
