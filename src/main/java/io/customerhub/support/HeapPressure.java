package io.customerhub.support;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How full the heap is after garbage collection, and whether the node should take on more. A node's heap grows
 * with every record it holds (the candidate index, its share of the cache); a load larger than the heap was sized
 * for ran it out of memory in the middle of a batch, and a JVM that has thrown {@link OutOfMemoryError} in random
 * threads serves nothing well any more. The heap in use right after a collection is what the node cannot free:
 * once it passes {@code limit} of the maximum, ingest is refused (the records stay with their sender: a 503 over
 * HTTP, Kafka's uncommitted offsets) until a collection leaves it below {@code limit} less {@link #HYSTERESIS} (less
 * half the limit, for a limit so low that the hysteresis would take it below zero, from where nothing comes back).
 */
public final class HeapPressure implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HeapPressure.class);

  /** Pressure ends this far below the limit, so that one collection's luck does not let a flood back in. */
  static final double HYSTERESIS = 0.05;

  private final double limit;
  private final Set<String> heapPools;
  private final List<Registration> registrations = new ArrayList<>();
  private volatile long usedBytes;
  private volatile long maxBytes;
  private volatile boolean high;
  /** When the last collection was reported ({@link System#nanoTime}). */
  volatile long lastCollection = System.nanoTime();
  /** Looks again at a full heap that no collection has reported on for a while; null when never refusing. */
  private java.util.Timer recheck;

  /**
   * How long a node refusing records waits for a collection before it asks for one. Refusing, it allocates next
   * to nothing, so no collection came: after a pass that briefly filled the heap, a node took no records for
   * almost four minutes with half its heap free.
   */
  static final long RECHECK_MILLIS = 15_000;

  /** Records refused because the heap is nearly full: the sender keeps them and sends them again later. */
  public static class Full extends RuntimeException {
    public Full(String message) {
      super(message, null, false, false);
    }
  }

  /** Work over all records that does not fit in this heap however empty it gets: trying again changes nothing. */
  public static final class WouldNotFit extends Full {
    public WouldNotFit(String message) {
      super(message);
    }
  }

  private record Registration(NotificationEmitter emitter, NotificationListener listener) {
  }

  private HeapPressure(double limit) {
    this.limit = limit;
    this.maxBytes = Runtime.getRuntime().maxMemory();
    this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Watches this JVM's collections; {@code limit} is a fraction of the maximum heap (1 or more: never refuse).
   */
  public static HeapPressure watch(double limit) {
    HeapPressure pressure = new HeapPressure(limit);
    if (limit >= 1) return pressure;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        NotificationListener listener = pressure::onNotification;
        emitter.addNotificationListener(listener, null, null);
        pressure.registrations.add(new Registration(emitter, listener));
      }
    }
    pressure.recheck = new java.util.Timer("heap-recheck", true);
    pressure.recheck.schedule(new java.util.TimerTask() {
      @Override
      public void run() {
        pressure.collectIfStale();
      }
    }, RECHECK_MILLIS, RECHECK_MILLIS);
    return pressure;
  }

  /** A full collection when the node refuses records and none was reported lately: its report decides again. */
  void collectIfStale() {
    if (high && System.nanoTime() - lastCollection > TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)) {
      System.gc(); // the node takes no records meanwhile, so the pause costs no one
    }
  }

  private void onNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long used = 0;
    // the collector reports every pool it knows, Metaspace and the code cache too: only the heap's count here
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) used += pool.getValue().getUsed();
    }
    long max = Runtime.getRuntime().maxMemory();
    lastCollection = System.nanoTime();
    after(used, max);
  }

  /** One collection's outcome: {@code used} bytes left of {@code max}. */
  synchronized void after(long used, long max) {
    usedBytes = used;
    maxBytes = max;
    double share = usedAfterGc();
    boolean was = high;
    if (share > limit) high = true;
    else if (share < releaseBelow()) high = false;
    if (high && !was) LOG.warn("{}", describe());
    if (was && !high) LOG.info("the node's heap has room again ({}% full after garbage collection): it takes records",
        Math.round(share * 100));
  }

  /** The share of the heap below which a node that refused records takes them again. */
  private double releaseBelow() {
    return limit - Math.min(HYSTERESIS, limit / 2);
  }

  /** Whether the node should refuse new records for now. */
  public boolean high() {
    return high;
  }

  /** The share of the maximum heap in use after the last collection (0 before the first). */
  public double usedAfterGc() {
    long max = maxBytes;
    return max <= 0 ? 0 : (double) usedBytes / max;
  }

  /**
   * Whether {@code bytes} more fit under the limit, with what was in use after the last collection; always when
   * the limit is 1 (never refuse).
   */
  public boolean fits(long bytes) {
    return limit >= 1 || usedBytes + bytes <= maxBytes * limit;
  }

  /** Why work that needs {@code bytes} is not started, for the caller and the log; names what to change. */
  public String describeNeed(String work, long bytes) {
    return String.format("%s needs about %d MB of heap besides the %d MB in use after garbage collection, more than"
            + " %d%% of the node's %d MB: give it a larger heap (HUB_JAVA_OPTS, see Sizing in the README)", work,
        bytes >> 20, usedBytes >> 20, Math.round(limit * 100), maxBytes >> 20);
  }

  /** Why records are refused, for the sender and the log; names what to change. */
  public String describe() {
    return String.format("the node's heap is %d%% full after garbage collection (%d of %d MB): it takes no more"
            + " records until it is below %d%%; give it a larger heap (HUB_JAVA_OPTS, see Sizing in the README) or"
            + " spread the records over more nodes", Math.round(usedAfterGc() * 100), usedBytes >> 20, maxBytes >> 20,
        Math.round(releaseBelow() * 100));
  }

  @Override
  public void close() {
    if (recheck != null) recheck.cancel();
    for (Registration r : registrations) {
      try {
        r.emitter().removeNotificationListener(r.listener());
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
    registrations.clear();
  }
}
