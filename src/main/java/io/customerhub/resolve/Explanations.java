package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Why each record is in a profile: the decision recorded when it was linked (the pair it matched, the rule, the
 * score, the band and the field comparisons), plus the merges the profile absorbed; and the stored records two
 * keys name, for comparing them.
 */
public final class Explanations {

  private final Pool pool;

  public Explanations(Pool pool) {
    this.pool = pool;
  }

  /**
   * What the crosswalk keeps of why a record was linked, and {@link #of} gives back: the rule, band and score of
   * the pair decision, the record it was matched with, and the field comparisons.
   */
  static JsonObject linkReason(PairDecider.Decision d, SourceKey matchedWith) {
    JsonObject o = new JsonObject().put("rule", d.rule()).put("band", d.band().name()).put("score", d.score());
    if (matchedWith != null) {
      o.put("matchedWith", new JsonObject().put("source", matchedWith.source())
          .put("sourceId", matchedWith.sourceId()));
    }
    if (!d.explanation().isEmpty()) o.put("explanation", new JsonObject(d.explanation()));
    return o;
  }

  /**
   * A stored record as a pair comparison needs it: its standardized values as stored, which linking and
   * re-resolution score (null for an order of a known customer, which is no identity), and the profile it is in
   * now (null when none, e.g. deleted).
   */
  public record StoredRecord(SourceKey key, String standard, UUID profileId) {
    public boolean identity() {
      return standard != null;
    }
  }

  /** The stored records of the two keys, by key; a key nothing is stored under is missing from the map. */
  public Future<Map<SourceKey, StoredRecord>> stored(SourceKey left, SourceKey right) {
    return pool.preparedQuery(ResolveSql.STORED_PAIR)
        .execute(Tuple.of(left.source(), left.sourceId(), right.source(), right.sourceId())).map(rows -> {
          Map<SourceKey, StoredRecord> out = new HashMap<>();
          for (Row r : rows) {
            SourceKey key = new SourceKey(r.getString(0), r.getString(1));
            out.put(key, new StoredRecord(key, r.getString(2), r.getUUID(3)));
          }
          return out;
        });
  }

  /**
   * The standardized values (encoded) of every identity record of the given profiles, by profile: what the cluster
   * guard reads, with the statement linking reads them by.
   */
  public Future<Map<UUID, List<String>>> memberStandards(UUID... profiles) {
    return pool.preparedQuery(ResolveSql.MEMBER_STANDARDS).execute(Tuple.of(profiles)).map(rows -> {
      Map<UUID, List<String>> out = new HashMap<>();
      for (Row r : rows) out.computeIfAbsent(r.getUUID(0), k -> new ArrayList<>()).add(r.getString(3));
      return out;
    });
  }

  /** The explanation of an active profile; an empty array of records when the profile holds none. */
  public Future<JsonObject> of(UUID profileId) {
    JsonObject out = new JsonObject().put("profileId", profileId.toString());
    return pool.preparedQuery(ResolveSql.PROFILE_MATCHES).execute(Tuple.of(profileId)).compose(rows -> {
      JsonArray records = new JsonArray();
      for (Row r : rows) {
        JsonObject match = r.getString(2) == null ? new JsonObject() : new JsonObject(r.getString(2));
        records.add(new JsonObject().put("source", r.getString(0)).put("sourceId", r.getString(1))
            .put("linkedAt", r.getOffsetDateTime(3).toInstant().toString()).mergeIn(match));
      }
      out.put("records", records);
      return pool.preparedQuery(ResolveSql.PROFILE_MERGES).execute(Tuple.of(profileId));
    }).map(rows -> {
      JsonArray merges = new JsonArray();
      for (Row r : rows) {
        merges.add(new JsonObject().put("merged", r.getUUID(0).toString())
            .put("reason", r.getString(1) == null ? null : new JsonObject(r.getString(1)))
            .put("actor", r.getString(2)).put("at", r.getOffsetDateTime(3).toInstant().toString()));
      }
      return out.put("merges", merges);
    });
  }
}
