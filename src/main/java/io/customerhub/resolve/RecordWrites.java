package io.customerhub.resolve;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        canonical = new String[n], raw = new String[n], standard = new String[n];
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
      standard[i] = p.standard() == null ? null : p.standard().encode();
    }
    return conn.preparedQuery(ResolveSql.UPSERT_RECORDS)
        .execute(Tuple.of(src, id, kind, updated, hash, deleted, canonical, raw, standard)).mapEmpty();
  }

  /**
   * Replaces the match keys of the batch's identity records and removes those of its deletes. Only records
   * stored before can have keys to remove ({@code known}: the batch holds the lock of every record's own key),
   * so a bulk load of new records skips the delete.
   */
  Future<Void> writeKeys(List<Prepared> identities, List<Prepared> deletes, Set<SourceKey> known) {
    List<Prepared> touched = concat(identities, deletes, List.of());
    if (touched.isEmpty()) return Future.succeededFuture();
    List<Prepared> replaced = touched.stream().filter(p -> known.contains(p.key())).toList();
    List<String> k = new ArrayList<>(), s = new ArrayList<>(), id = new ArrayList<>();
    List<Boolean> strong = new ArrayList<>();
    for (Prepared p : identities) {
      for (String key : p.keys()) {
        k.add(key);
        s.add(p.key().source());
        id.add(p.key().sourceId());
        strong.add(p.strongKeys().contains(key));
      }
    }
    Future<?> removed = replaced.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(ResolveSql.DELETE_KEYS).execute(SqlParams.keyArrays(replaced));
    return removed
        .compose(v -> conn.preparedQuery(ResolveSql.INSERT_KEYS).execute(Tuple.of(k.toArray(String[]::new),
            s.toArray(String[]::new), id.toArray(String[]::new), strong.toArray(Boolean[]::new))))
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

  @SafeVarargs
  static List<Prepared> concat(List<Prepared>... lists) {
    Set<Prepared> all = new LinkedHashSet<>();
    for (List<Prepared> l : lists) all.addAll(l);
    return new ArrayList<>(all);
  }
}
