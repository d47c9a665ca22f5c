package io.customerhub.steward;

import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The review queue and the stewards' decisions on it. A pair decided "merge" joins the two records' profiles
 * (the one holding more records survives, the older on a tie); a pair "kept apart" is never joined again, online
 * or by re-resolution, and if the two records are in one profile by then, the right-hand one leaves it for a
 * profile of its own. Each decision is final (deciding again answers a conflict), audited, and kept by
 * re-resolution.
 */
public final class StewardDecisions {

  /** What a steward may decide on a pair, and the status it leaves the pair in. */
  public enum Decision {
    MERGE("merged"), KEEP_APART("kept-apart");

    final String status;

    Decision(String status) {
      this.status = status;
    }

    /** {@code merge} or {@code keep-apart}; null for anything else. */
    public static Decision parse(String text) {
      if ("merge".equals(text)) return MERGE;
      if ("keep-apart".equals(text)) return KEEP_APART;
      return null;
    }
  }

  /** The statuses a review pair can have, for listing. */
  public static final Set<String> STATUSES = Set.of("open", "merged", "kept-apart", "moot");

  private final ProfileSurgery surgery;

  StewardDecisions(ProfileSurgery surgery) {
    this.surgery = surgery;
  }

  /**
   * A page of the pairs in {@code status}, after the id {@code after}, in id order; with a {@code profile}, only the
   * pairs of which a record is in that profile now; with {@code availableTo}, without the pairs another steward has
   * claimed (not with a profile). Built on a worker, as the page by value is: a page of 1,000 pairs decodes 3,000
   * JSON documents (both records and the explanation), too much for the event loop the routing lookups share.
   */
  public Future<JsonArray> list(String status, long after, int limit, UUID profile, String availableTo) {
    Future<RowSet<Row>> found = profile == null
        ? surgery.pool().preparedQuery(StewardSql.REVIEWS).execute(Tuple.of(status, after, limit, availableTo))
        : surgery.pool().preparedQuery(StewardSql.PROFILE_REVIEWS).execute(Tuple.of(status, after, limit, profile));
    return found.compose(rows -> surgery.vertx().executeBlocking(() -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) out.add(review(r));
      return out;
    }, false));
  }

  /**
   * A page of the pairs of {@code status} by what is at stake, most first: the higher 12-month value of the two
   * records' customers ({@code value12m} in each item), so that stewards settle the pairs of their best customers
   * first. Answers {@code {"items": […], "next": cursor}}, {@code next} null on the last page; {@code after} is the
   * {@code next} of the page before, or null.
   */
  public Future<JsonObject> listByValue(String status, ValueCursor after, int limit, String availableTo) {
    Tuple args = Tuple.of(status, after == null ? null : after.value().toPlainString(),
        after == null ? 0L : after.id(), limit, availableTo);
    return surgery.pool().preparedQuery(StewardSql.REVIEWS_BY_VALUE).execute(args)
        .compose(rows -> surgery.vertx().executeBlocking(() -> byValue(rows, limit), false));
  }

  private static JsonObject byValue(RowSet<Row> rows, int limit) {
    JsonArray items = new JsonArray();
    ValueCursor last = null;
    for (Row r : rows) {
      BigDecimal stake = r.getBigDecimal(19);
      items.add(review(r).put("value12m", stake.doubleValue()));
      last = new ValueCursor(stake, r.getLong(0));
    }
    return new JsonObject().put("items", items).put("next", items.size() == limit ? last.toString() : null);
  }

  /** Where a page of the queue by value ends: the last pair's value and id, written {@code value:id}. */
  public record ValueCursor(BigDecimal value, long id) {
    @Override
    public String toString() {
      return value.toPlainString() + ":" + id;
    }

    /** The most characters a cursor's value takes: values sum amounts of 16 digits at most; 40 leave room. */
    static final int MAX_VALUE_CHARS = 40;

    /**
     * Null for text not written by {@link #toString}: plain digits, never an exponent (1e999999999 would be a
     * gigabyte of zeros once written out for the query).
     */
    public static ValueCursor parse(String text) {
      int colon = text.indexOf(':');
      if (colon < 1 || colon > MAX_VALUE_CHARS) return null;
      for (int i = 0; i < colon; i++) {
        char c = text.charAt(i);
        if ((c < '0' || c > '9') && c != '.') return null;
      }
      try {
        BigDecimal value = new BigDecimal(text.substring(0, colon));
        long id = Long.parseLong(text.substring(colon + 1));
        return value.signum() < 0 || id < 0 ? null : new ValueCursor(value, id);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /** The pair {@code id} as {@link #list} gives it; fails with {@link StewardRefusal} when there is none. */
  public Future<JsonObject> get(long id) {
    return surgery.pool().preparedQuery(StewardSql.REVIEW).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) throw StewardRefusal.missing("no review pair " + id);
      return review(rows.iterator().next());
    });
  }

  /**
   * Decides the pair {@code id}; completes with the pair as decided and where its records are now, or fails
   * with {@link StewardRefusal}: as stale (412) unless the pair's records are still at {@code seen}, the pair's
   * {@code version} the steward decided on (null: whatever they are now): a record that changed since may say
   * what changes the decision, such as another national id.
   */
  public Future<JsonObject> decide(long id, Decision decision, String actor, String note, String seen) {
    return surgery.run("review pair " + id, (conn, work) -> conn.preparedQuery(StewardSql.LOCK_REVIEW)
            .execute(Tuple.of(id)).compose(rows -> {
              if (rows.size() == 0) throw StewardRefusal.missing("no review pair " + id);
              Row pair = rows.iterator().next();
              if (!"open".equals(pair.getString(4))) {
                throw StewardRefusal.conflict("review pair " + id + " was decided already: " + pair.getString(4)
                    + " by " + pair.getString(5) + " at " + text(pair.getOffsetDateTime(6)));
              }
              String claimant = pair.getString(9);
              if (claimant != null && !claimant.equals(actor)) {
                throw StewardRefusal.conflict(claimedBy(id, claimant, pair.getOffsetDateTime(10)));
              }
              SourceKey left = new SourceKey(pair.getString(0), pair.getString(1));
              SourceKey right = new SourceKey(pair.getString(2), pair.getString(3));
              JsonObject detail = new JsonObject().put("reviewPair", id).put("left", left.asString())
                  .put("right", right.asString()).put("note", note);
              String now = pairVersion(pair.getLong(7), pair.getLong(8));
              if (seen != null && !seen.equals(now)) {
                throw StewardRefusal.stale("review pair " + id + " is at version " + now + ", not " + seen
                    + " (If-Match): a record changed since; read the pair again and decide on what it says now");
              }
              return pairProfiles(conn, left, right).compose(profiles -> unparted(conn, id, decision,
                  profiles.get(left), profiles.get(right), right).map(profiles)).compose(profiles -> {
                if (decision == Decision.KEEP_APART) work.keptApart.add(new SourceKey[] {left, right});
                return conn.preparedQuery(StewardSql.DECIDE).execute(Tuple.of(id, decision.status, actor))
                    .compose(v -> surgery.audit(conn, actor, "review." + decision.status, "review_pair:" + id,
                        detail))
                    .compose(v -> apply(conn, work, decision, profiles.get(left), profiles.get(right), right,
                        detail, actor));
              });
            }))
        .compose(v -> surgery.pool().preparedQuery(StewardSql.REVIEW).execute(Tuple.of(id)))
        .map(rows -> review(rows.iterator().next()));
  }

  /**
   * Claims the open pair {@code id} for {@code actor} for {@code seconds} (again: extends their claim), so that
   * the stewards sharing the queue skip it and only they may decide it meanwhile; refused while another steward's
   * claim lasts, or once the pair is decided.
   */
  public Future<JsonObject> claim(long id, String actor, int seconds) {
    return surgery.pool().preparedQuery(StewardSql.CLAIM).execute(Tuple.of(id, actor, seconds)).compose(rows -> {
      if (rows.size() > 0) {
        Row r = rows.iterator().next();
        return Future.succeededFuture(claim(id, r.getString(0), r.getOffsetDateTime(1)));
      }
      return surgery.pool().preparedQuery(StewardSql.CLAIM_STATE).execute(Tuple.of(id)).map(state -> {
        if (state.size() == 0) throw StewardRefusal.missing("no review pair " + id);
        Row r = state.iterator().next();
        if (!"open".equals(r.getString(0))) {
          throw StewardRefusal.conflict("review pair " + id + " was decided already: " + r.getString(0));
        }
        throw StewardRefusal.conflict(claimedBy(id, r.getString(1), r.getOffsetDateTime(2)));
      });
    });
  }

  /** Gives up {@code actor}'s claim on the pair, if they hold one; answers the pair's claim as it is then. */
  public Future<JsonObject> release(long id, String actor) {
    return surgery.pool().preparedQuery(StewardSql.RELEASE).execute(Tuple.of(id, actor))
        .compose(v -> surgery.pool().preparedQuery(StewardSql.CLAIM_STATE).execute(Tuple.of(id))).map(state -> {
          if (state.size() == 0) throw StewardRefusal.missing("no review pair " + id);
          Row r = state.iterator().next();
          return claim(id, r.getString(1), r.getString(1) == null ? null : r.getOffsetDateTime(2));
        });
  }

  private static JsonObject claim(long id, String by, OffsetDateTime until) {
    return new JsonObject().put("id", id).put("claimedBy", by).put("claimedUntil", text(until));
  }

  private static String claimedBy(long id, String claimant, OffsetDateTime until) {
    return "review pair " + id + " is claimed by " + claimant + " until " + text(until)
        + ": they are deciding it; take another pair, or wait until the claim lapses";
  }

  /**
   * A pair's version: its two records' versions, {@code left.right}; 0 for a record no longer stored. Ingest
   * writes a new version of a record only when what it says changed, so an unchanged version means the steward
   * saw what the records say now.
   */
  static String pairVersion(Long left, Long right) {
    return (left == null ? 0 : left) + "." + (right == null ? 0 : right);
  }

  /**
   * The pair's records' profiles, locked, by record; none for a record deleted since the pair was found. Refused
   * as unfinished while a record's profile is not written yet: its batch committed the crosswalk row and has yet
   * to write the profile in its second transaction, which takes the writer lock this action holds, so nothing
   * moves until it is released. Deciding then would record the pair (final) with nothing merged or split.
   */
  private static Future<Map<SourceKey, Row>> pairProfiles(SqlConnection conn, SourceKey left, SourceKey right) {
    Tuple keys = Tuple.of(left.source(), left.sourceId(), right.source(), right.sourceId());
    return conn.preparedQuery(StewardSql.PAIR_RECORDS).execute(keys).compose(linked -> conn
        .preparedQuery(StewardSql.PAIR_PROFILES).execute(keys).map(rows -> {
          Map<SourceKey, Row> of = byKey(rows);
          for (Row c : linked) {
            SourceKey record = new SourceKey(c.getString(0), c.getString(1));
            if (!of.containsKey(record)) {
              throw StewardRefusal.unfinished("profile " + c.getUUID(2) + " of " + record.asString()
                  + " is still being written by the batch that linked the record; try again in a moment");
            }
          }
          return of;
        }));
  }

  /**
   * Refuses to keep apart two records of one profile when the right-hand one, which would leave it, is there by a
   * pair a steward merged with a record that would stay: the two decisions contradict each other, and re-resolution
   * would settle the contradiction by moving a record nobody decided on. A split names which records go and
   * decides every pair it parts.
   */
  private static Future<Void> unparted(SqlConnection conn, long id, Decision decision, Row l, Row r,
                                       SourceKey right) {
    if (decision != Decision.KEEP_APART || l == null || r == null || !l.getUUID(2).equals(r.getUUID(2))) {
      return Future.succeededFuture();
    }
    UUID profile = r.getUUID(2);
    return conn.preparedQuery(StewardSql.MERGED_PARTNERS).execute(Tuple.of(right.source(), right.sourceId(), profile))
        .map(rows -> {
          if (rows.size() == 0) return null;
          Row m = rows.iterator().next();
          throw StewardRefusal.conflict("keeping review pair " + id + " apart would take " + right.asString()
              + " out of profile " + profile + ", away from " + new SourceKey(m.getString(2), m.getString(3)).asString()
              + ", which " + m.getString(1) + " merged it with on review pair " + m.getLong(0)
              + ": to undo that merge, split the profile (POST /api/v1/profiles/" + profile
              + "/split), naming the records that go");
        });
  }

  /** Carries out the decision on the pair's records' locked profiles ({@code l}, {@code r}). */
  private Future<Void> apply(SqlConnection conn, ProfileSurgery.Work work, Decision decision, Row l, Row r,
                             SourceKey right, JsonObject detail, String actor) {
    // a record deleted since the pair was found has no profile: the decision is kept, nothing moves
    if (l == null || r == null) return Future.succeededFuture();
    UUID lp = l.getUUID(2), rp = r.getUUID(2);
    JsonObject why = detail.copy().put("rule", "steward").put("decision", decision.status).put("actor", actor);
    if (decision == Decision.MERGE) {
      if (lp.equals(rp)) return Future.succeededFuture();
      // the profile holding more records survives (fewer ids change for callers), the older one on a tie
      int order = Long.compare(l.getLong(5), r.getLong(5));
      if (order == 0) order = r.getOffsetDateTime(4).compareTo(l.getOffsetDateTime(4));
      Row survivor = order >= 0 ? l : r, loser = order >= 0 ? r : l;
      return surgery.merge(conn, work, survivor.getUUID(2), loser.getUUID(2), why, actor);
    }
    if (!lp.equals(rp)) return Future.succeededFuture();
    return surgery.detach(conn, work, lp, r.getString(3), List.of(right), why).mapEmpty();
  }

  private static JsonObject review(Row r) {
    JsonObject item = new JsonObject().put("id", r.getLong(0))
        .put("version", pairVersion(r.getLong(15), r.getLong(16)))
        .put("left", record(r.getString(1), r.getString(2), r.getUUID(3), r.getString(13)))
        .put("right", record(r.getString(4), r.getString(5), r.getUUID(6), r.getString(14)))
        .put("score", r.getDouble(7)).put("explanation", new JsonObject(r.getString(8)))
        .put("status", r.getString(9)).put("createdAt", text(r.getOffsetDateTime(10)))
        .put("decidedBy", r.getString(11)).put("decidedAt", text(r.getOffsetDateTime(12)));
    // a claim shows while it lasts (by the database's clock, which its expiry is written in)
    return item.put("claimedBy", r.getString(17)).put("claimedUntil", text(r.getOffsetDateTime(18)));
  }

  private static Map<SourceKey, Row> byKey(RowSet<Row> rows) {
    Map<SourceKey, Row> out = new HashMap<>();
    for (Row r : rows) out.put(new SourceKey(r.getString(0), r.getString(1)), r);
    return out;
  }

  /** A pair's record: its key, its profile now and its canonical form now (null once the record is gone). */
  private static JsonObject record(String source, String sourceId, UUID profile, String canonical) {
    return new JsonObject().put("source", source).put("sourceId", sourceId)
        .put("profileId", profile == null ? null : profile.toString())
        .put("record", canonical == null ? null : new JsonObject(canonical));
  }

  static String text(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
