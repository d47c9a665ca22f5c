package io.customerhub.steward;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.SqlParams;
import io.customerhub.store.ProfileChange;
import io.customerhub.store.ProfileStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erases a customer at their request (the right to erasure of the GDPR, art. 17, and its kin in other laws): in one
 * transaction taken alone against ingest, everything the hub holds that says something about the person goes, and
 * what is left says only that a record of that key was erased, and when:
 * <ul>
 *   <li>the profile's records and the orders that name them as their customer: canonical values, the raw text as
 *       sent and the standardized values; the row stays, marked erased, so that a source sending the record again
 *       is answered {@code erased} and nothing of it is stored again;</li>
 *   <li>their crosswalk rows and order rows, and every review pair with one of them (decided ones too: a pair
 *       kept apart says nothing once one side is gone);</li>
 *   <li>the profile's body, overrides and risk codes, and those of every profile merged into it before and of the
 *       customer's earlier profiles (merged into a profile that later let the records go, a wrong merge split
 *       again); stewards' notes and override values in the audit trail and the merge history of those profiles,
 *       and the entries of other profiles' merges and splits that name them or the records; the bodies other
 *       merged-away profiles kept of the records;</li>
 *   <li>the cache entries of the profile and the routing answers of its records, on every node.</li>
 * </ul>
 * An {@code erased} change event names the records' keys, so that the systems fed by the events erase the customer
 * too. The audit trail keeps who erased which profile, when, and how many records, with the note given: a record
 * of the erasure itself, which the law asks to be able to show.
 */
public final class CustomerErasure {

  private final ProfileSurgery surgery;

  CustomerErasure(ProfileSurgery surgery) {
    this.surgery = surgery;
  }

  /**
   * What an erasure takes: the profile's records, the orders naming them, the records of the customer their sources
   * deleted ({@code retired}: kept for their orders), the profile and those merged into it.
   */
  private record Scope(List<SourceKey> records, List<SourceKey> orders, List<SourceKey> retired,
                       List<UUID> profiles) {
    Tuple keys() {
      List<SourceKey> all = new ArrayList<>(records);
      all.addAll(orders);
      all.addAll(retired);
      return SqlParams.sourceKeyArrays(all);
    }
  }

  /** Erases profile {@code profile}, which must be active (at version {@code seen} unless null), with its records. */
  public Future<JsonObject> erase(UUID profile, String actor, String note, Long seen) {
    return surgery.run("the erasure of " + profile, (conn, work) -> scope(conn, profile, seen)
        .compose(scope -> scrub(conn, work, scope)
            .compose(pairs -> ProfileStore.writeErased(conn, profile, scope.records())
                .compose(change -> {
                  work.changes.add(change);
                  work.detached.addAll(scope.records());
                  // every node's candidate index forgets the records: it reads them back, erased
                  return surgery.reindex(conn, work, scope.records());
                })
                .compose(v -> {
                  JsonObject detail = new JsonObject().put("records", scope.records().size())
                      .put("orders", scope.orders().size()).put("profiles", scope.profiles().size())
                      .put("reviewPairs", pairs).put("note", note);
                  // written after the scrub of the profile's audit details, so that this entry stays
                  return surgery.audit(conn, actor, "profile.erase", "profile:" + profile, detail)
                      .map(done -> new JsonObject().put("profileId", profile.toString()).put("erased", detail.copy()
                          .put("records", new JsonArray(scope.records().stream().map(SourceKey::asString).toList()))));
                }))));
  }

  /** The profile, locked (it must be active), with its records, their orders and the profiles merged into it. */
  private static Future<Scope> scope(SqlConnection conn, UUID profile, Long seen) {
    return ProfileActions.lock(conn, profile).compose(profiles -> {
      List<SourceKey> records = ProfileActions.current(profiles, profile, seen).records();
      Tuple keys = SqlParams.sourceKeyArrays(records);
      Future<RowSet<Row>> retired = conn.preparedQuery(StewardSql.ERASURE_RETIRED_KEYS).execute(Tuple.of(profile));
      return retired.compose(v -> conn.preparedQuery(StewardSql.ERASURE_ORDERS)
              .execute(SqlParams.sourceKeyArrays(records).addValue(profile)))
          .compose(orders -> conn.preparedQuery(StewardSql.ERASURE_PROFILES).execute(Tuple.of(profile))
              .compose(tree -> conn.preparedQuery(StewardSql.ERASURE_EARLIER_PROFILES).execute(keys)
                  .map(earlier -> {
                    List<UUID> all = uuids(tree);
                    for (UUID id : uuids(earlier)) if (!all.contains(id)) all.add(id);
                    return new Scope(records, keysOf(orders), keysOf(retired.result()), all);
                  })));
    });
  }

  /**
   * Scrubs what the scope's records, profiles and stewards said; returns how many review pairs went. A pair kept
   * apart is enforced in memory on every node: it leaves there too, after the commit.
   */
  private static Future<Integer> scrub(SqlConnection conn, ProfileSurgery.Work work, Scope scope) {
    Tuple byKey = scope.keys();
    Tuple tree = Tuple.of((Object) scope.profiles().toArray(UUID[]::new));
    List<String> subjects = new ArrayList<>(scope.profiles().stream().map(id -> "profile:" + id).toList());
    return conn.preparedQuery(StewardSql.ERASE_RECORDS).execute(byKey)
        .compose(v -> conn.preparedQuery(StewardSql.ERASE_CROSSWALK).execute(byKey))
        .compose(v -> conn.preparedQuery(StewardSql.ERASE_ORDER_ROWS).execute(byKey))
        .compose(v -> conn.preparedQuery(StewardSql.ERASE_RETIRED_KEYS).execute(tree))
        .compose(v -> conn.preparedQuery(StewardSql.ERASE_PAIRS).execute(byKey))
        .compose(pairs -> {
          for (Row r : pairs) {
            subjects.add("review_pair:" + r.getLong(0));
            if ("kept-apart".equals(r.getString(1))) {
              work.together.add(new SourceKey[] {new SourceKey(r.getString(2), r.getString(3)),
                  new SourceKey(r.getString(4), r.getString(5))});
            }
          }
          Tuple scrubbed = Tuple.of(subjects.toArray(String[]::new));
          Tuple mentions = Tuple.tuple().addValue(scope.profiles().stream().map(UUID::toString).toArray(String[]::new))
              .addValue(scope.records().stream().map(SourceKey::asString).toArray(String[]::new));
          return conn.preparedQuery(StewardSql.ERASE_SPLIT_NOTES).execute(scrubbed)
              .compose(v -> conn.preparedQuery(StewardSql.ERASE_AUDIT_DETAILS).execute(scrubbed))
              .compose(v -> conn.preparedQuery(StewardSql.ERASE_AUDIT_MENTIONS).execute(mentions))
              .compose(v -> conn.preparedQuery(StewardSql.ERASE_EARLIER_BODIES)
                  .execute(SqlParams.sourceKeyArrays(scope.records())))
              .compose(v -> conn.preparedQuery(StewardSql.ERASE_MERGE_REASONS).execute(tree))
              .compose(v -> conn.preparedQuery(StewardSql.ERASE_MERGED_PROFILES).execute(tree))
              .map(gone -> {
                // every node's cache answers their ids as deleted from the commit on
                for (Row r : gone) {
                  work.changes.add(new ProfileChange(r.getUUID(0), ProfileChange.DELETED, r.getLong(1), null, null,
                      List.of()));
                }
                return pairs.rowCount();
              });
        });
  }

  private static List<SourceKey> keysOf(Iterable<Row> rows) {
    List<SourceKey> out = new ArrayList<>();
    for (Row r : rows) out.add(new SourceKey(r.getString(0), r.getString(1)));
    return out;
  }

  private static List<UUID> uuids(Iterable<Row> rows) {
    List<UUID> out = new ArrayList<>();
    for (Row r : rows) out.add(r.getUUID(0));
    return out;
  }
}
