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
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The batch's writes of source records (with their key hashes), of their links to profiles (crosswalk rows), and
 * the detaching of deleted records.
 */
final class RecordWrites {

  private final SqlConnection conn;
  private final BatchState state;

  RecordWrites(SqlConnection conn, BatchState state) {
    this.conn = conn;
    this.state = state;
  }

  /**
   * Inserts the records that were not stored and updates those that were: a plain insert costs PostgreSQL less
   * than an upsert's speculative one, and the batch already knows which is which (it read them under their locks).
   */
  Future<Void> writeRecords(List<Prepared> applied, Predicate<SourceKey> stored) {
    List<Prepared> inserts = new ArrayList<>();
    List<Prepared> updates = new ArrayList<>();
    for (Prepared p : applied) (stored.test(p.key()) ? updates : inserts).add(p);
    return write(ResolveSql.INSERT_RECORDS, inserts).compose(v -> write(ResolveSql.UPDATE_RECORDS, updates));
  }

  private Future<Void> write(String statement, List<Prepared> applied) {
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
    return conn.preparedQuery(statement)
        .execute(Tuple.of(src, id, kind, updated, hash, deleted, canonical, raw, standard).addValue(keyHashes))
        .mapEmpty();
  }

  /** A record's link to its profile; {@code existed}: the record had a crosswalk row when the batch read it. */
  record Link(SourceKey key, UUID profileId, String match, boolean existed) {
  }

  /** Inserts the links of records that had none (most of a bulk load) and upserts the others. */
  Future<Void> writeLinks(List<Link> links) {
    List<Link> fresh = links.stream().filter(l -> !l.existed()).toList();
    List<Link> moved = links.stream().filter(Link::existed).toList();
    return writeLinks(conn, ResolveSql.INSERT_CROSSWALK, fresh)
        .compose(back -> {
          state.affected.addAll(back); // kept the orders of a key that is back until now
          return writeLinks(conn, ResolveSql.UPSERT_CROSSWALK, moved);
        }).mapEmpty();
  }

  /**
   * Crosswalk rows in one statement ({@link ResolveSql#INSERT_CROSSWALK} or {@link ResolveSql#UPSERT_CROSSWALK});
   * completes with the profiles the statement returns (those that kept the orders of keys that are back).
   */
  static Future<List<UUID>> writeLinks(SqlConnection conn, String statement, List<Link> links) {
    if (links.isEmpty()) return Future.succeededFuture(List.of());
    int n = links.size();
    String[] sources = new String[n], ids = new String[n], matches = new String[n];
    UUID[] targets = new UUID[n];
    for (int i = 0; i < n; i++) {
      Link l = links.get(i);
      sources[i] = l.key().source();
      ids[i] = l.key().sourceId();
      targets[i] = l.profileId();
      matches[i] = l.match();
    }
    return conn.preparedQuery(statement).execute(Tuple.of(sources, ids, targets, matches)).map(rows -> {
      List<UUID> returned = new ArrayList<>(rows.size());
      for (Row r : rows) returned.add(r.getUUID(0));
      return returned;
    });
  }

  /** Deleted records leave their profiles (which are recomputed) and are answered as deleted. */
  Future<Void> detach(List<Prepared> deletes) {
    deletes.forEach(p -> state.record(p, Outcome.of(Outcome.Kind.DELETED, null)));
    return unlink(deletes);
  }

  /**
   * Records leave the profiles they were linked to, which are recomputed: deleted records, and records that are no
   * longer identity records (a guest order that now names its customer), whose answers are their orders'.
   */
  Future<Void> unlink(List<Prepared> leaving) {
    if (leaving.isEmpty()) return Future.succeededFuture();
    return conn.preparedQuery(ResolveSql.DELETE_CROSSWALK).execute(SqlParams.keyArrays(leaving))
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
