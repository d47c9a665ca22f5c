package io.customerhub.store;

import io.customerhub.ingest.CanonicalJson;
import io.customerhub.record.SourceKey;
import io.customerhub.support.Utf8;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The JSON of a profile-change event, as written to the outbox and published on Kafka.
 *
 * <p>Bounded: a profile may gather any number of records (explicit links, a steward's merges), but an event must
 * fit in a Kafka message (1 MB by default). The relay sends events in outbox order, so one event Kafka refuses
 * would hold back every event after it, forever. An event lists the profile's first record keys, within
 * {@link #MAX_RECORD_KEYS} and {@link #MAX_RECORD_KEY_BYTES}; {@code recordCount} says how many there are.
 */
final class ProfileEvents {

  /** Beyond this many keys, a consumer that needs them all reads the profile. */
  static final int MAX_RECORD_KEYS = 5_000;

  /** A source id has no length limit: 5,000 long ones would be more than Kafka takes. */
  static final int MAX_RECORD_KEY_BYTES = 512 << 10;

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
      putRecords(o, c.profile().records());
    }
    // the keys of the records erased, so that every system fed by these events can erase them too
    if (ProfileChange.ERASED.equals(c.type())) putRecords(o, c.detachedKeys());
    if (c.changes() != null) {
      o.put("changes", new JsonArray(c.changes().types()));
      o.put("changedAttributes", new JsonArray(c.changes().changedAttributes()));
    }
    return o;
  }

  /** {@code records} (the first of {@code keys}, within the bounds), {@code recordCount} and {@code recordsTruncated}. */
  private static void putRecords(JsonObject event, List<SourceKey> keys) {
    JsonArray listed = listedKeys(keys);
    event.put("records", listed);
    event.put("recordCount", keys.size());
    event.put("recordsTruncated", listed.size() < keys.size());
  }

  /** The first of {@code keys}, as many as the bounds allow, in the profile's order. */
  static JsonArray listedKeys(List<SourceKey> keys) {
    JsonArray listed = new JsonArray();
    long bytes = 0;
    for (SourceKey k : keys) {
      if (listed.size() == MAX_RECORD_KEYS) break;
      JsonObject key = CanonicalJson.key(k);
      bytes += Utf8.length(key.encode()) + 1; // and its comma
      if (bytes > MAX_RECORD_KEY_BYTES) break;
      listed.add(key);
    }
    return listed;
  }
}
