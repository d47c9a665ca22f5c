package io.customerhub.steward;

import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.store.ProfileChange;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a steward does to profiles directly, outside the review queue: merge two profiles, split records out of
 * one, and read the audit trail. Each action is stored as decisions on record pairs, so that re-resolution keeps
 * it and online linking never undoes a split.
 */
public final class ProfileActions {

  /** A split would otherwise store a decision for every pair of a moved and a remaining record without end. */
  static final int MAX_SPLIT_PAIRS = 10_000;
  private static final String ORGANIZATION = Kind.ORGANIZATION.wire();

  record Locked(String status, String kind, String mergedInto, List<SourceKey> records, JsonObject overrides,
                long version) {
  }

  private final ProfileSurgery surgery;

  ProfileActions(ProfileSurgery surgery) {
    this.surgery = surgery;
  }

  /**
   * {@code other}'s records join {@code keep}; {@code other} redirects to it. {@code seen}: the version of
   * {@code keep} the steward acted on (If-Match), refused as stale when it is no longer the current one; null for
   * whatever it is now. The same for the other actions.
   */
  public Future<JsonObject> merge(UUID keep, UUID other, String actor, String note, Long seen) {
    if (keep.equals(other)) return Future.failedFuture(StewardRefusal.invalid("with: is the profile itself"));
    return surgery.run("the merge of " + other + " into " + keep, (conn, work) -> lock(conn, keep, other)
        .compose(profiles -> {
          Locked keeping = current(profiles, keep, seen), joining = active(profiles, other);
          refuseOtherKinds(keep, keeping.kind(), other, joining.kind());
          List<SourceKey> kept = keeping.records(), merged = joining.records();
          JsonObject detail = new JsonObject().put("merged", other.toString()).put("note", note);
          JsonObject why = detail.copy().put("rule", "steward").put("decision", "merged").put("actor", actor)
              .put("profile", keep.toString());
          // one decided pair ties the two profiles together for re-resolution, as a steward's merge of a pair does
          List<SourceKey[]> tie = kept.isEmpty() || merged.isEmpty() ? List.of()
              : List.<SourceKey[]>of(new SourceKey[] {kept.get(0), merged.get(0)});
          return surgery.decidePairs(conn, work, tie, "merged", actor, why)
              .compose(v -> surgery.merge(conn, work, keep, other, why, actor))
              .compose(v -> surgery.audit(conn, actor, "profile.merge", "profile:" + keep, detail))
              .map(v -> new JsonObject().put("profileId", keep.toString()).put("merged", other.toString())
                  .put("records", kept.size() + merged.size()).put("version", versionNow(work, keep, keeping)));
        }));
  }

  /** The {@code records} leave {@code profile} for one new profile, and are kept apart from those that stay. */
  public Future<JsonObject> split(UUID profile, List<SourceKey> records, String actor, String note, Long seen) {
    if (records.isEmpty()) {
      return Future.failedFuture(StewardRefusal.invalid("records: name at least one record to split out"));
    }
    if (new HashSet<>(records).size() < records.size()) {
      return Future.failedFuture(StewardRefusal.invalid("records: a record is named twice"));
    }
    return surgery.run("the split of " + profile, (conn, work) -> lock(conn, profile).compose(profiles -> {
      Locked locked = current(profiles, profile, seen);
      Set<SourceKey> members = new HashSet<>(locked.records());
      for (int i = 0; i < records.size(); i++) {
        if (!members.contains(records.get(i))) return notAMember(conn, profile, records.get(i), "records[" + i + "]");
      }
      List<SourceKey> staying = locked.records().stream().filter(r -> !records.contains(r)).toList();
      if (staying.isEmpty()) throw StewardRefusal.invalid("records: all of the profile's records; none would stay");
      if ((long) staying.size() * records.size() > MAX_SPLIT_PAIRS) {
        throw StewardRefusal.invalid("records: " + records.size() + " moved apart from " + staying.size()
            + " staying would be more than " + MAX_SPLIT_PAIRS + " decided pairs; split in steps");
      }
      List<SourceKey[]> apart = new ArrayList<>();
      for (SourceKey moved : records) for (SourceKey stays : staying) apart.add(new SourceKey[] {moved, stays});
      JsonObject detail = new JsonObject().put("records", new JsonArray(records.stream().map(SourceKey::asString).toList()))
          .put("note", note);
      JsonObject why = detail.copy().put("rule", "steward").put("decision", "split").put("actor", actor)
          .put("profile", profile.toString());
      return surgery.decidePairs(conn, work, apart, "kept-apart", actor, why)
          .compose(v -> surgery.detach(conn, work, profile, locked.kind(), records, why))
          // the new profile's own trail says where it came from and why, as the one split says where its records went
          .compose(detached -> {
            UUID fresh = detached.profile();
            if (!detached.overrides().isEmpty()) detail.put("overridesMoved", new JsonArray(detached.overrides()));
            return surgery.audit(conn, actor, "profile.split", "profile:" + profile,
                    detail.copy().put("newProfile", fresh.toString()))
                .compose(v -> surgery.audit(conn, actor, "profile.split", "profile:" + fresh,
                    detail.copy().put("splitFrom", profile.toString())))
                .map(v -> new JsonObject().put("profileId", profile.toString()).put("newProfileId", fresh.toString())
                    .put("moved", detail.getJsonArray("records")).put("staying", staying.size())
                    .put("overridesMoved", new JsonArray(detached.overrides()))
                    .put("version", versionNow(work, profile, locked)));
          });
    }));
  }

  /**
   * Sets the golden value of {@code attribute} by hand ({@code value} non-null) or gives it back to survivorship
   * (null). The value wins until removed, whatever the records say; a merge carries it to the survivor unless
   * that has its own.
   */
  public Future<JsonObject> override(UUID profile, String attribute, Object value, String actor, String note,
                                     Long seen) {
    String what = value == null ? "removed" : "set";
    return surgery.run("the override of " + attribute + " of " + profile, (conn, work) -> lock(conn, profile)
        .compose(profiles -> {
          Locked locked = current(profiles, profile, seen);
          JsonObject before = locked.overrides();
          if (value == null && !before.containsKey(attribute)) {
            throw StewardRefusal.missing("profile " + profile + " has no override of " + attribute);
          }
          JsonObject entry = new JsonObject().put("value", value).put("by", actor)
              .put("at", Instant.now().toString()).put("note", note).put(OverrideOrigins.SET_WITH,
                  new JsonArray(locked.records().stream().map(SourceKey::asString).toList()));
          Future<?> write = value == null
              ? conn.preparedQuery(StewardSql.REMOVE_OVERRIDE).execute(Tuple.of(profile, attribute))
              : conn.preparedQuery(StewardSql.SET_OVERRIDE).execute(Tuple.of(profile, attribute, entry.encode()));
          JsonObject detail = new JsonObject().put("attribute", attribute).put("value", value)
              .put("was", before.getJsonObject(attribute) == null ? null : before.getJsonObject(attribute).getValue("value"))
              .put("note", note);
          return write.compose(v -> surgery.restate(conn, work, profile, actor))
              .compose(v -> surgery.audit(conn, actor, "profile.override-" + what, "profile:" + profile, detail))
              .map(v -> new JsonObject().put("profileId", profile.toString()).put("attribute", attribute)
                  .put("value", value).put("override", what).put("version", versionNow(work, profile, locked)));
        }));
  }

  /**
   * A page of the audit trail after the entry {@code after}, of one subject ({@code profile:<id>}…) or all; its
   * entries' details decoded on a worker, as the review queue's pages are.
   */
  public Future<JsonArray> audit(String subject, long after, int limit) {
    return surgery.pool().preparedQuery(StewardSql.AUDIT_PAGE).execute(Tuple.of(subject, after, limit))
        .compose(rows -> surgery.vertx().executeBlocking(() -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            out.add(new JsonObject().put("id", r.getLong(0)).put("at", StewardDecisions.text(r.getOffsetDateTime(1)))
                .put("actor", r.getString(2)).put("action", r.getString(3)).put("subject", r.getString(4))
                .put("detail", r.getString(5) == null ? null : new JsonObject(r.getString(5))));
          }
          return out;
        }, false));
  }

  /**
   * The profiles {@code ids}, locked, with their records. Refused as unfinished while one of them is not written
   * yet but the crosswalk names it: its batch committed the crosswalk rows and has yet to write the profile in its
   * second transaction, which takes the writer lock this action holds, so nothing moves until it is released.
   * "No profile" would tell the caller it does not exist, when the same request succeeds a moment later.
   */
  static Future<Map<UUID, Locked>> lock(SqlConnection conn, UUID... ids) {
    return conn.preparedQuery(StewardSql.LOCK_PROFILES).execute(Tuple.of(ids)).compose(rows -> {
      Map<UUID, Locked> out = new LinkedHashMap<>();
      for (Row r : rows) {
        Locked p = out.computeIfAbsent(r.getUUID(0), id -> new Locked(r.getString(1), r.getString(2),
            r.getUUID(3) == null ? null : r.getUUID(3).toString(), new ArrayList<>(),
            r.getString(6) == null ? new JsonObject() : new JsonObject(r.getString(6)), r.getLong(7)));
        if (r.getString(4) != null) p.records().add(new SourceKey(r.getString(4), r.getString(5)));
      }
      UUID[] absent = Arrays.stream(ids).filter(id -> !out.containsKey(id)).toArray(UUID[]::new);
      // a second round trip only for an id without a row: the rare race, or an id nobody knows (a 404)
      if (absent.length == 0) return Future.succeededFuture(out);
      return conn.preparedQuery(StewardSql.LINKED_PROFILES).execute(Tuple.of(absent)).map(linked -> {
        Set<UUID> unwritten = new HashSet<>();
        for (Row r : linked) unwritten.add(r.getUUID(0));
        for (UUID id : absent) {
          if (unwritten.contains(id)) {
            throw StewardRefusal.unfinished("profile " + id + " is still being written by the batch that linked "
                + "its records; try again in a moment");
          }
        }
        return out;
      });
    });
  }

  /**
   * {@link #active} profile {@code id}, at version {@code seen} unless that is null: a steward who acted on what
   * they read of an older version is told so (412), never silently overwritten by, or overwriting, what changed.
   */
  /**
   * Refuses a split naming a record the profile does not hold: a conflict where the record is in another profile now
   * (the same split sent again, or someone else's action since: look again), a mistake where the hub knows it in none.
   */
  private static <T> Future<T> notAMember(SqlConnection conn, UUID profile, SourceKey record, String field) {
    return conn.preparedQuery(StewardSql.PROFILE_OF_RECORD).execute(Tuple.of(record.source(), record.sourceId()))
        .map(rows -> {
          if (rows.size() == 0) throw StewardRefusal.invalid(field + ": " + record + " is not in profile " + profile);
          throw StewardRefusal.conflict(field + ": " + record + " is in profile " + rows.iterator().next().getUUID(0)
              + " now, not in profile " + profile);
        });
  }

  /**
   * The profile's version once the action is committed, for the steward's next {@code If-Match}: that of its
   * recomputation, or the one it was locked at when nothing it shows changed.
   */
  static long versionNow(ProfileSurgery.Work work, UUID id, Locked locked) {
    long version = locked.version();
    for (ProfileChange c : work.changes) {
      if (c.profileId().equals(id) && c.profile() != null) version = Math.max(version, c.version());
    }
    return version;
  }

  /**
   * One customer is a person or an organization, not both: a profile made of both would take the organization's
   * golden record with a person's names, and the cluster guard pushes such records apart again at the next
   * re-resolution. A profile of no known kind joins either.
   */
  private static void refuseOtherKinds(UUID keep, String keepKind, UUID other, String otherKind) {
    if (keepKind == null || otherKind == null) return;
    if (ORGANIZATION.equals(keepKind) != ORGANIZATION.equals(otherKind)) {
      throw StewardRefusal.conflict("with: profile " + other + " is " + article(otherKind) + " and profile " + keep
          + " " + article(keepKind) + "; one customer cannot be both (split out the records of the wrong kind first)");
    }
  }

  private static String article(String kind) {
    return (ORGANIZATION.equals(kind) ? "an " : "a ") + kind;
  }

  static Locked current(Map<UUID, Locked> profiles, UUID id, Long seen) {
    Locked p = active(profiles, id);
    if (seen != null && p.version() != seen) {
      throw StewardRefusal.stale("profile " + id + " is at version " + p.version() + ", not " + seen
          + " (If-Match): read it again and decide on what it says now");
    }
    return p;
  }

  static Locked active(Map<UUID, Locked> profiles, UUID id) {
    Locked p = profiles.get(id);
    if (p == null) throw StewardRefusal.missing("no profile " + id);
    if (p.mergedInto() != null) throw StewardRefusal.conflict("profile " + id + " was merged into " + p.mergedInto());
    if (!"active".equals(p.status())) throw StewardRefusal.conflict("profile " + id + " is " + p.status());
    return p;
  }
}
