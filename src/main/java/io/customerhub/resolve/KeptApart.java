package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pairs of records a steward decided are different customers. Whatever the matcher or a source's explicit link
 * says, online linking and re-resolution never put both into one profile again: a merge that would is sent to
 * review instead (online) or left out (re-resolution). Stewards decide few pairs, so every node holds them all.
 * Thread-safe.
 */
public final class KeptApart {

  private final Set<String> pairs = ConcurrentHashMap.newKeySet();

  public void add(SourceKey a, SourceKey b) {
    pairs.add(pair(a, b));
  }

  /** A steward decided the two are one customer after all. */
  public void remove(SourceKey a, SourceKey b) {
    pairs.remove(pair(a, b));
  }

  public void addAll(Collection<SourceKey[]> decided) {
    for (SourceKey[] p : decided) add(p[0], p[1]);
  }

  /** Exactly {@code decided} from now on: the pairs as the database holds them, read again. */
  public void replaceWith(Collection<SourceKey[]> decided) {
    Set<String> now = ConcurrentHashMap.newKeySet();
    for (SourceKey[] p : decided) now.add(pair(p[0], p[1]));
    pairs.addAll(now);
    pairs.retainAll(now);
  }

  public boolean contains(SourceKey a, SourceKey b) {
    return !pairs.isEmpty() && pairs.contains(pair(a, b));
  }

  public int size() {
    return pairs.size();
  }

  /** Why the two groups must stay apart (a record of each a steward kept apart), or empty when they may join. */
  public Optional<String> check(List<StandardRecord> left, List<StandardRecord> right) {
    if (pairs.isEmpty()) return Optional.empty();
    for (StandardRecord l : left) {
      for (StandardRecord r : right) {
        if (contains(l.key(), r.key())) return Optional.of("a steward kept " + l.key() + " and " + r.key() + " apart");
      }
    }
    return Optional.empty();
  }

  private static String pair(SourceKey a, SourceKey b) {
    return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
  }
}
