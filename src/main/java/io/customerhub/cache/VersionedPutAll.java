package io.customerhub.cache;

import com.hazelcast.map.EntryProcessor;

import java.io.Serial;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link VersionedPut} for many keys in one invocation: it carries each key's value and applies the same rule
 * (never replace a newer version of the same profile). Hub nodes no longer send it ({@link ProfileCache} writes
 * one key per call, which is faster); it stays so that a node of an earlier version, in the same cluster during a
 * rolling upgrade, still has its writes applied rather than refused, which would leave older values in the cache.
 */
public final class VersionedPutAll implements EntryProcessor<String, String, Boolean> {

  @Serial
  private static final long serialVersionUID = 1L;

  private final HashMap<String, VersionedPut> values;

  public VersionedPutAll(Map<String, VersionedPut> values) {
    this.values = new HashMap<>(values);
  }

  @Override
  public Boolean process(Map.Entry<String, String> entry) {
    VersionedPut put = values.get(entry.getKey());
    return put != null && put.process(entry);
  }
}
