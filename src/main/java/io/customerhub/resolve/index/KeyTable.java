package io.customerhub.resolve.index;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A multimap from 64-bit key hashes to record slots, in primitive arrays: open addressing for the keys, a linked
 * list of entries per key. A record has about ten keys, so a boxed map would spend more memory on its nodes than
 * on the records themselves. Not thread-safe: {@link CandidateIndex} guards it.
 */
final class KeyTable {

  private static final int NONE = -1;

  private long[] keys = new long[1024];
  private int[] heads = filled(1024);
  private boolean[] used = new boolean[1024];
  private int usedKeys;

  private int[] entrySlot = new int[1024];
  private int[] entryNext = new int[1024];
  private int entries;
  private int freeEntry = NONE;
  private int liveEntries;

  /** Adds {@code slot} under {@code key}; a slot is added once per key (the caller's key lists are distinct). */
  void add(long key, int slot) {
    if (usedKeys * 2 >= keys.length) rehash();
    int at = find(key);
    if (!used[at]) {
      used[at] = true;
      keys[at] = key;
      usedKeys++;
    }
    int e = newEntry();
    entrySlot[e] = slot;
    entryNext[e] = heads[at];
    heads[at] = e;
    liveEntries++;
  }

  void remove(long key, int slot) {
    int at = find(key);
    if (!used[at]) return;
    int prev = NONE;
    for (int e = heads[at]; e != NONE; prev = e, e = entryNext[e]) {
      if (entrySlot[e] != slot) continue;
      if (prev == NONE) heads[at] = entryNext[e];
      else entryNext[prev] = entryNext[e];
      entryNext[e] = freeEntry;
      freeEntry = e;
      liveEntries--;
      return;
    }
  }

  /** Offers the slots under {@code key}, newest first, until {@code visitor} returns false. */
  void forEach(long key, IntPredicate visitor) {
    int at = find(key);
    if (!used[at]) return;
    for (int e = heads[at]; e != NONE; e = entryNext[e]) {
      if (!visitor.test(entrySlot[e])) return;
    }
  }

  int entries() {
    return liveEntries;
  }

  /** The position of {@code key}, or of the free cell where it would go (linear probing). */
  private int find(long key) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (used[i] && keys[i] != key) i = (i + 1) & mask;
    return i;
  }

  private int newEntry() {
    if (freeEntry != NONE) {
      int e = freeEntry;
      freeEntry = entryNext[e];
      return e;
    }
    if (entries == entrySlot.length) {
      entrySlot = Arrays.copyOf(entrySlot, entries * 2);
      entryNext = Arrays.copyOf(entryNext, entries * 2);
    }
    return entries++;
  }

  int capacity() {
    return keys.length;
  }

  /**
   * Rebuilds the key table without the keys whose lists emptied, at four times the live keys (at least 1024): a
   * hub whose records keep changing their keys (moved addresses, new emails) has as many keys as before, not a
   * table that doubles each time the emptied ones fill it.
   */
  private void rehash() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    boolean[] oldUsed = used;
    int live = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i] && oldHeads[i] != NONE) live++;
    }
    int capacity = Math.max(1024, Integer.highestOneBit(Math.max(1, live * 4 - 1)) << 1);
    keys = new long[capacity];
    heads = filled(capacity);
    used = new boolean[capacity];
    usedKeys = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (!oldUsed[i] || oldHeads[i] == NONE) continue;
      int at = find(oldKeys[i]);
      used[at] = true;
      keys[at] = oldKeys[i];
      heads[at] = oldHeads[i];
      usedKeys++;
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, NONE);
    return a;
  }

  /** The hashes are already uniform (MurmurHash3); this only spreads the low bits the mask keeps. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
