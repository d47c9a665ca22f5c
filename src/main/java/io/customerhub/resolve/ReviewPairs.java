package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores pairs for stewards to review, each pair once and in key order, whoever found it. */
final class ReviewPairs {

  record Pair(SourceKey left, SourceKey right, PairDecider.Decision decision) {
  }

  private ReviewPairs() {
  }

  static Future<Void> write(SqlConnection conn, List<Pair> found) {
    Arrays a = arrays(found);
    if (a.ls().length == 0) return Future.succeededFuture();
    return conn.preparedQuery(ResolveSql.UPSERT_REVIEWS).execute(a.upsert()).mapEmpty();
  }

  /**
   * Makes {@code found} the open pairs (a re-resolution's): the open pairs not among them are deleted, the others
   * keep their row, refreshed, so that a pair open before and after keeps its id, its age in the queue and a
   * steward's claim on it. Deleting every open pair and writing them anew gave each a new id, and a steward who had
   * a pair open in the console met a 404 when deciding it after the nightly run.
   */
  static Future<Void> replaceOpen(SqlConnection conn, List<Pair> found) {
    Arrays a = arrays(found);
    return conn.preparedQuery(ResolveSql.DELETE_OTHER_OPEN_REVIEWS).execute(Tuple.of(a.ls(), a.li(), a.rs(), a.ri()))
        .compose(deleted -> a.ls().length == 0 ? Future.succeededFuture()
            : conn.preparedQuery(ResolveSql.UPSERT_REVIEWS).execute(a.upsert()).mapEmpty());
  }

  private record Arrays(String[] ls, String[] li, String[] rs, String[] ri, Double[] score, String[] ex) {
    Tuple upsert() {
      return Tuple.of(ls, li, rs, ri, score, ex);
    }
  }

  private static Arrays arrays(List<Pair> found) {
    Map<String, Pair> unique = new LinkedHashMap<>();
    for (Pair p : found) {
      boolean ordered = p.left().compareTo(p.right()) <= 0;
      Pair o = ordered ? p : new Pair(p.right(), p.left(), p.decision());
      unique.putIfAbsent(o.left() + "|" + o.right(), o);
    }
    List<Pair> pairs = new ArrayList<>(unique.values());
    int n = pairs.size();
    String[] ls = new String[n], li = new String[n], rs = new String[n], ri = new String[n], ex = new String[n];
    Double[] score = new Double[n];
    for (int i = 0; i < n; i++) {
      Pair p = pairs.get(i);
      ls[i] = p.left().source();
      li[i] = p.left().sourceId();
      rs[i] = p.right().source();
      ri[i] = p.right().sourceId();
      score[i] = p.decision().score();
      ex[i] = new JsonObject().put("rule", p.decision().rule()).put("band", p.decision().band().name())
          .put("explanation", new JsonObject(p.decision().explanation())).encode();
    }
    return new Arrays(ls, li, rs, ri, score, ex);
  }
}
