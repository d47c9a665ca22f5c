package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Array parameters of the batch statements: one array per column, so a batch is one round trip. */
public final class SqlParams {

  private SqlParams() {
  }

  static Tuple keyArrays(List<Prepared> prepared) {
    return sourceKeyArrays(prepared.stream().map(Prepared::key).toList());
  }

  /** Two parameters: the sources and the source ids of {@code keys}, in the same places. */
  public static Tuple sourceKeyArrays(List<SourceKey> keys) {
    return pair(keys.stream().map(SourceKey::source).toArray(String[]::new),
        keys.stream().map(SourceKey::sourceId).toArray(String[]::new));
  }

  /** Profiles merged away and, in the same places, the profile each went to. */
  static Tuple mergeArrays(Map<UUID, UUID> survivorOf) {
    UUID[] losers = survivorOf.keySet().toArray(UUID[]::new);
    UUID[] survivors = new UUID[losers.length];
    for (int i = 0; i < losers.length; i++) survivors[i] = survivorOf.get(losers[i]);
    return pair(losers, survivors);
  }

  /**
   * Two parameters, explicitly: {@code Tuple.of(a, array)} would spread the array into separate parameters,
   * because it binds to the varargs overload.
   */
  static Tuple pair(Object first, Object second) {
    return Tuple.tuple().addValue(first).addValue(second);
  }
}
