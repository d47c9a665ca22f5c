package io.customerhub.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON of a profile-change event, as written to the outbox and published on Kafka. */
final class ProfileEvents {

  private ProfileEvents() {
  }

  static JsonObject payload(ProfileChange c) {
    JsonObject o = new JsonObject()
        .put("profileId", c.profileId().toString())
        .put("changeType", c.type())
        .put("version", c.version());
    if (c.mergedInto() != null) o.put("mergedInto", c.mergedInto().toString());
    if (c.profile() != null) {
      o.put("tier", c.profile().tier());
      o.put("records", ProfileStore.keys(c.profile().records()));
    }
    if (c.changes() != null) {
      o.put("changes", new JsonArray(c.changes().types()));
      o.put("changedAttributes", new JsonArray(c.changes().changedAttributes()));
    }
    return o;
  }
}
