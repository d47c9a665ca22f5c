package io.customerhub.resolve;

import io.customerhub.profile.ProfileIds;
import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves records between profiles inside the caller's transaction: a merge of whole profiles (online linking
 * through a bridging record, a steward's decision) and a record taken out into a profile of its own. The
 * caller recomputes the profiles afterwards and writes the events of those merged away.
 */
public final class ProfileMoves {

  private ProfileMoves() {
  }

  /**
   * Waits until no batch is linking and keeps new ones out until the transaction ends, as re-resolution does: a
   * move then never races a batch that read the profiles before it.
   */
  public static Future<Void> excludeWriters(SqlConnection conn) {
    return conn.query(ResolveSql.EXCLUSIVE_WRITER_LOCK).execute().mapEmpty();
  }

  /**
   * Every record of the {@code losers} moves to the {@code survivor}; the losers, and the profiles merged into
   * them earlier, redirect to it. Completes with the version of each profile merged away.
   */
  public static Future<Map<UUID, Long>> merge(SqlConnection conn, UUID survivor, UUID[] losers, JsonObject reason,
                                              String actor) {
    Map<UUID, Long> mergedAway = new LinkedHashMap<>();
    return conn.preparedQuery(ResolveSql.MERGE_CROSSWALK).execute(SqlParams.pair(survivor, losers))
        .compose(v -> conn.preparedQuery(ResolveSql.MERGE_RETIRED_KEYS).execute(SqlParams.pair(survivor, losers)))
        .compose(v -> conn.preparedQuery(ResolveSql.MARK_MERGED).execute(SqlParams.pair(survivor, losers)))
        .compose(rows -> {
          // profiles merged into a loser earlier now point at the survivor too: their redirects must follow
          for (Row r : rows) mergedAway.put(r.getUUID(0), r.getLong(1));
          return conn.preparedQuery(ResolveSql.INSERT_MERGE_HISTORY)
              .execute(Tuple.of(survivor, losers, reason.encode(), actor));
        })
        .map(mergedAway);
  }

  /** The records leave their profile for one new profile of the given kind; {@code why} is their explanation. */
  public static Future<UUID> detach(SqlConnection conn, List<SourceKey> records, String kind, JsonObject why) {
    UUID fresh = ProfileIds.next();
    List<RecordWrites.Link> links = records.stream()
        .map(r -> new RecordWrites.Link(r, fresh, why.encode(), true)).toList();
    return conn.preparedQuery(ResolveSql.INSERT_PROFILES).execute(Tuple.tuple()
            .addValue(new UUID[] {fresh}).addValue(new String[] {kind}))
        .compose(v -> RecordWrites.writeLinks(conn, ResolveSql.UPSERT_CROSSWALK, links))
        .map(fresh);
  }
}
