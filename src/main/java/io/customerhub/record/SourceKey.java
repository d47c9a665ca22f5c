package io.customerhub.record;

import java.util.Objects;

/** Identifies one record of one source system: the pair every door, the crosswalk and the cache key on. */
public record SourceKey(String source, String sourceId) implements Comparable<SourceKey> {

  public SourceKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceId, "sourceId");
  }

  /** The compact form used as a cache key and in logs, e.g. {@code crm:C-1001}. */
  public String asString() {
    return source + ":" + sourceId;
  }

  @Override
  public int compareTo(SourceKey o) {
    int c = source.compareTo(o.source);
    return c != 0 ? c : sourceId.compareTo(o.sourceId);
  }

  @Override
  public String toString() {
    return asString();
  }
}
