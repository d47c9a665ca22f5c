package io.customerhub.resolve.index;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.TermFrequencies;
import io.customerhub.resolve.standardize.StandardRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The blocking index in memory: every stored identity record by the hashes of its match keys, with its profile
 * and its standardized values, so that finding a batch's candidates costs no database work. It is derived state:
 * PostgreSQL keeps each record's key hashes, standardized values and profile (the system of record), the index is
 * loaded from there at start and kept current from the change log ({@link IndexSync}). It also holds every
 * person by the sound of their name alone, for profile search, never for linking ({@link #lookupByName}), and
 * counts how often each value occurs among the records it holds ({@link #frequencies}): since every node's index
 * follows what PostgreSQL has committed, so do its counts, whichever node wrote the records. Thread-safe.
 */
public final class CandidateIndex {

  private static final long[] NO_HASHES = new long[0];

  /**
   * One stored record as the matcher needs it: {@code standard} is its encoded standardized values without its
   * blocking keys ({@link StandardRecord#withoutBlockingKeys}).
   */
  public record Entry(SourceKey key, UUID profileId, String standard) {
  }

  /**
   * A record's state to index: its profile, encoded standardized values (kept without their blocking keys, which
   * the index holds as {@code hashes}) and (sorted, distinct) key hashes.
   */
  public record Indexed(SourceKey key, UUID profileId, String standard, long[] hashes) {
    public Indexed {
      standard = StandardRecord.withoutBlockingKeys(standard);
    }
  }

  private final KeyTable table = new KeyTable();
  /** Every person by the sounds of their name alone, for profile search only (never linking). */
  private final KeyTable names = new KeyTable();
  private final Function<String, long[]> nameHashesOf;
  private final TermFrequencies frequencies = new TermFrequencies();
  private final Map<SourceKey, Integer> slotOf = new HashMap<>();
  private final List<Integer> freeSlots = new ArrayList<>();
  private SourceKey[] keys = new SourceKey[1024];
  private UUID[] profiles = new UUID[1024];
  private String[] standards = new String[1024];
  private long[][] hashes = new long[1024][];
  private long[][] nameHashes = new long[1024][];
  private long[] stamps = new long[1024];
  /** When records were forgotten, so that an older state read late does not bring them back. */
  private final Map<SourceKey, Long> removedAt = new HashMap<>();
  /** Profiles merged away, to the profile they were merged into (a chain ends at an active profile). */
  private final Map<UUID, Merge> mergedInto = new HashMap<>();

  /** Where a merged-away profile's members went, as of change {@code stamp}. */
  private record Merge(UUID survivor, long stamp) {
  }

  /** An index without name search. */
  public CandidateIndex() {
    this(standard -> NO_HASHES);
  }

  /**
   * {@code nameHashesOf}: the hashes of the name keys of a record's encoded standardized values (see
   * {@code BlockingKeys.nameSound}), which {@link #lookupByName} finds it by.
   */
  public CandidateIndex(Function<String, long[]> nameHashesOf) {
    this.nameHashesOf = nameHashesOf;
  }

  /**
   * Indexes a record's state as of change {@code stamp}, replacing what was indexed for it unless that came from
   * a later change: states read from the database and states of this node's own commits may arrive out of order.
   */
  public void put(Indexed r, long stamp) {
    // read from the record before the lock: the index is shared by every batch and search of the node
    long[] byName = nameHashesOf.apply(r.standard());
    Replaced replaced;
    synchronized (this) {
      replaced = put(r, stamp, byName);
    }
    if (replaced != null) frequencies.changed(replaced.standard(), r.standard());
  }

  /** The values a record had before a new state replaced them (null: it had none). */
  private record Replaced(String standard) {
  }

  /** Null when the index holds a later state already. */
  private Replaced put(Indexed r, long stamp, long[] byName) {
    if (!newer(r.key(), stamp)) return null;
    removedAt.remove(r.key());
    Integer slot = slotOf.get(r.key());
    String before = null;
    if (slot == null) {
      slot = newSlot();
      slotOf.put(r.key(), slot);
      keys[slot] = r.key();
    } else {
      before = standards[slot];
      for (long h : hashes[slot]) table.remove(h, slot);
      for (long h : nameHashes[slot]) names.remove(h, slot);
    }
    stamps[slot] = stamp;
    profiles[slot] = r.profileId();
    standards[slot] = r.standard();
    hashes[slot] = r.hashes();
    nameHashes[slot] = byName;
    for (long h : r.hashes()) table.add(h, slot);
    for (long h : byName) names.add(h, slot);
    return new Replaced(before);
  }

  /** Forgets a record (deleted, erased, or detached from every profile) as of change {@code stamp}. */
  public void remove(SourceKey key, long stamp) {
    String before;
    synchronized (this) {
      before = forget(key, stamp);
    }
    if (before != null) frequencies.changed(before, null);
  }

  /** The values of the record forgotten, or null when it was not held. */
  private String forget(SourceKey key, long stamp) {
    if (!newer(key, stamp)) return null;
    removedAt.put(key, stamp);
    Integer slot = slotOf.remove(key);
    if (slot == null) return null;
    String before = standards[slot];
    for (long h : hashes[slot]) table.remove(h, slot);
    for (long h : nameHashes[slot]) names.remove(h, slot);
    keys[slot] = null;
    profiles[slot] = null;
    standards[slot] = null;
    hashes[slot] = null;
    nameHashes[slot] = null;
    freeSlots.add(slot);
    return before;
  }

  /**
   * How often each name and identifier value occurs among the records held, kept as records come, change and go
   * (outside the index's lock: counting decodes the values). Read while records change, it may lag them by the
   * records being counted.
   */
  public TermFrequencies frequencies() {
    return frequencies;
  }

  /** Records that every member of {@code loser} belongs to {@code survivor} as of change {@code stamp}. */
  public synchronized void merged(UUID loser, UUID survivor, long stamp) {
    if (!loser.equals(survivor)) mergedInto.put(loser, new Merge(survivor, stamp));
  }

  /**
   * Forgets what only states older than change {@code watermark} could still need (no state that old arrives any
   * more, see {@link IndexSync#compact}): the stamps of records removed up to it, and the redirects of profiles
   * merged away up to it, once every record is moved to the profile it ends up in. Without this, both would grow
   * with every deletion and merge for as long as the node runs. Returns how many entries it forgot.
   */
  public synchronized int forgetBefore(long watermark) {
    int before = removedAt.size() + mergedInto.size();
    removedAt.values().removeIf(stamp -> stamp <= watermark);
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != null) profiles[slot] = profileOf(profiles[slot]);
    }
    mergedInto.values().removeIf(m -> m.stamp() <= watermark);
    return before - removedAt.size() - mergedInto.size();
  }

  /** Entries kept only for states arriving late: removal stamps and merge redirects. */
  synchronized int remembered() {
    return removedAt.size() + mergedInto.size();
  }

  /**
   * The records under each of {@code hashes}, at most {@code cap} per hash, each with the profile it belongs to
   * now. A hash with {@code cap} records or more is a block too common to say much: the caller reports it.
   */
  public synchronized Map<Long, List<Entry>> lookup(long[] hashes, int cap) {
    Map<Long, List<Entry>> out = new LinkedHashMap<>();
    for (long h : hashes) {
      List<Entry> found = new ArrayList<>();
      table.forEach(h, slot -> {
        found.add(new Entry(keys[slot], profileOf(profiles[slot]), standards[slot]));
        return found.size() < cap;
      });
      if (!found.isEmpty()) out.put(h, found);
    }
    return out;
  }

  /**
   * The persons under any of the name hashes {@code hashes}, each once, at most {@code cap}: whether there were more
   * says {@link ByName#capped}.
   */
  public synchronized ByName lookupByName(long[] hashes, int cap) {
    Map<SourceKey, Entry> found = new LinkedHashMap<>();
    boolean[] capped = {false};
    for (long h : hashes) {
      names.forEach(h, slot -> {
        if (found.size() == cap && !found.containsKey(keys[slot])) {
          capped[0] = true;
          return false;
        }
        found.putIfAbsent(keys[slot], new Entry(keys[slot], profileOf(profiles[slot]), standards[slot]));
        return true;
      });
    }
    return new ByName(List.copyOf(found.values()), capped[0]);
  }

  /** Records found by name, and whether more share the name than were taken. */
  public record ByName(List<Entry> entries, boolean capped) {
  }

  /** What the index holds for one record, or null: for consistency checks. */
  public synchronized Indexed get(SourceKey key) {
    Integer slot = slotOf.get(key);
    return slot == null ? null : new Indexed(key, profileOf(profiles[slot]), standards[slot], hashes[slot].clone());
  }

  public synchronized int records() {
    return slotOf.size();
  }

  public synchronized int keyEntries() {
    return table.entries();
  }

  synchronized int keyCapacity() {
    return table.capacity();
  }

  /** Whether a state of change {@code stamp} is at least as new as what the index holds for {@code key}. */
  private boolean newer(SourceKey key, long stamp) {
    Integer slot = slotOf.get(key);
    if (slot != null) return stamp >= stamps[slot];
    Long removed = removedAt.get(key);
    return removed == null || stamp >= removed;
  }

  private UUID profileOf(UUID id) {
    UUID at = id;
    long stamp = 0;
    for (Merge next = mergedInto.get(at); next != null; next = mergedInto.get(at)) {
      at = next.survivor();
      stamp = Math.max(stamp, next.stamp());
    }
    // shortcut the chain for the next reader: the shortcut holds as of the chain's last merge
    if (!at.equals(id)) mergedInto.put(id, new Merge(at, stamp));
    return at;
  }

  private int newSlot() {
    if (!freeSlots.isEmpty()) return freeSlots.remove(freeSlots.size() - 1);
    int slot = slotOf.size();
    if (slot == keys.length) {
      int n = keys.length * 2;
      keys = Arrays.copyOf(keys, n);
      profiles = Arrays.copyOf(profiles, n);
      standards = Arrays.copyOf(standards, n);
      hashes = Arrays.copyOf(hashes, n);
      nameHashes = Arrays.copyOf(nameHashes, n);
      stamps = Arrays.copyOf(stamps, n);
    }
    return slot;
  }
}
