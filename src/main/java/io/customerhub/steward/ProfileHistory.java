package io.customerhub.steward;

import io.customerhub.profile.Profile;
import io.customerhub.resolve.Explanations;
import io.customerhub.risk.RiskEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a customer, newest first, in one list: when the profile was made, when each record joined it and
 * by which decision (the rule, band and score; {@code /explain} has the field comparisons), which profiles were
 * merged into it and by whom, what stewards did to it (the audit trail) and when risk tags were raised and cleared.
 * Every entry comes from what the hub keeps anyway: nothing is written for it.
 */
public final class ProfileHistory {

  private final Pool pool;
  private final Explanations explanations;

  public ProfileHistory(Pool pool, Explanations explanations) {
    this.pool = pool;
    this.explanations = explanations;
  }

  /** The history of active {@code profile}: at most {@code limit} entries, the newest. */
  public Future<JsonObject> of(Profile profile, int limit) {
    String id = profile.profileId();
    return explanations.of(UUID.fromString(id)).compose(explained -> pool
        .preparedQuery(StewardSql.PROFILE_AUDIT_LATEST).execute(Tuple.of(UUID.fromString(id), limit)).map(rows -> {
          List<JsonObject> audit = new ArrayList<>();
          for (Row r : rows) {
            audit.add(new JsonObject().put("at", StewardDecisions.text(r.getOffsetDateTime(0)))
                .put("actor", r.getString(1)).put("action", r.getString(2))
                .put("detail", r.getString(3) == null ? null : new JsonObject(r.getString(3))));
          }
          return timeline(profile, explained, audit, limit);
        }));
  }

  /**
   * The entries of the profile's creation, its records' links and merges ({@code explained}, as
   * {@link Explanations#of} gives them), the steward actions of {@code audit} and the profile's risk events,
   * newest first, at most {@code limit}; {@code truncated} says whether older ones were left out.
   */
  static JsonObject timeline(Profile profile, JsonObject explained, List<JsonObject> audit, int limit) {
    List<JsonObject> events = new ArrayList<>();
    // the profile exists from its first record's link: its row is written in the batch's second transaction
    Instant created = profile.createdAt();
    for (Object o : explained.getJsonArray("records", new JsonArray())) {
      JsonObject r = (JsonObject) o;
      Instant linked = Instant.parse(r.getString("linkedAt"));
      if (created == null || linked.isBefore(created)) created = linked;
      JsonObject record = new JsonObject().put("source", r.getString("source")).put("sourceId", r.getString("sourceId"));
      JsonObject e = event(r.getString("linkedAt"), "record-linked").put("record", record);
      for (String field : List.of("rule", "band", "score", "matchedWith")) {
        if (r.containsKey(field)) e.put(field, r.getValue(field));
      }
      events.add(e);
    }
    if (created != null) events.add(event(created.toString(), "created"));
    for (Object o : explained.getJsonArray("merges", new JsonArray())) {
      JsonObject m = (JsonObject) o;
      events.add(event(m.getString("at"), "profile-merged").put("merged", m.getString("merged"))
          .put("actor", m.getString("actor")).put("reason", m.getValue("reason")));
    }
    for (JsonObject a : audit) {
      events.add(event(a.getString("at"), "steward-action").put("action", a.getString("action"))
          .put("actor", a.getString("actor")).put("detail", a.getValue("detail")));
    }
    for (RiskEvent r : profile.riskHistory()) {
      if (r.at() == null) continue;
      events.add(event(r.at().toString(), RiskEvent.CLEARED.equals(r.change()) ? "risk-cleared" : "risk-raised")
          .put("code", r.code()).put("severity", r.severity()));
    }
    // newest first; at one instant, the order things happen in (a profile is made before its records link)
    events.sort(Comparator.comparing((JsonObject e) -> Instant.parse(e.getString("at"))).reversed()
        .thenComparing(e -> -ORDER.indexOf(e.getString("event"))));
    boolean truncated = events.size() > limit;
    return new JsonObject().put("profileId", profile.profileId())
        .put("events", new JsonArray(new ArrayList<>(events.subList(0, Math.min(limit, events.size())))))
        .put("truncated", truncated);
  }

  private static final List<String> ORDER =
      List.of("created", "record-linked", "profile-merged", "steward-action", "risk-raised", "risk-cleared");

  private static JsonObject event(String at, String event) {
    return new JsonObject().put("at", at).put("event", event);
  }
}
