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
    Map<String, Pair> unique = new LinkedHashMap<>();
    for (Pair p : found) {
      boolean ordered = p.left().compareTo(p.right()) <= 0;
      Pair o = ordered ? p : new Pair(p.right(), p.left(), p.decision());
      unique.putIfAbsent(o.left() + "|" + o.right(), o);
    }
    if (unique.isEmpty()) return Future.succeededFuture();
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
    return conn.preparedQuery(ResolveSql.UPSERT_REVIEWS).execute(Tuple.of(ls, li, rs, ri, score, ex)).mapEmpty();
  }
}
