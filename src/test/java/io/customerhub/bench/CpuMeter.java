package io.customerhub.bench;

import io.customerhub.app.HubNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the hub and the bench's own client) and by the embedded PostgreSQL (the postmaster,
 * its live children and the children it has reaped, such as finished autovacuum workers), read from /proc: on a
 * 2-core machine the load is CPU-bound, so where the seconds per record grow with the data says which side to
 * look at. Linux only; elsewhere both read as unknown.
 */
record CpuMeter(long jvmNanos, long postgresTicks, Map<String, Long> postgresTicksByRole, long jitMillis,
                long gcMillis) {

  /** The kernel's clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on every Linux this runs on). */
  private static final double TICKS_PER_SECOND = 100;

  static CpuMeter read(HubNode node) {
    long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    long gc = 0;
    for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) gc += Math.max(0, bean.getCollectionTime());
    Map<String, Long> byRole = new TreeMap<>();
    return new CpuMeter(jvm, postgresTicks(node, byRole), byRole,
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
  }

  /**
   * "JVM x µs, PostgreSQL y µs of CPU per record" since {@code before}, with the JIT compilers' and the garbage
   * collector's milliseconds in the JVM's share: a load that runs while C2 is still compiling, or that the young
   * generation cannot hold, pays for it, and the same load measured twice differs by it.
   */
  String perRecordSince(CpuMeter before, long records) {
    double jvm = (jvmNanos - before.jvmNanos) / 1e3 / records;
    String pg = postgresTicks < 0 || before.postgresTicks < 0 ? "unknown"
        : String.format(java.util.Locale.ROOT, "%.0f µs (%s)", (postgresTicks - before.postgresTicks)
            / TICKS_PER_SECOND * 1e6 / records, rolesSince(before, records));
    return String.format(java.util.Locale.ROOT, "JVM %.0f µs (hub and the bench's client; in all, JIT compiling %,d ms "
        + "and collecting garbage %,d ms), PostgreSQL %s", jvm, jitMillis - before.jitMillis, gcMillis - before.gcMillis,
        pg);
  }

  /**
   * PostgreSQL's share per process role ("backend", "walwriter", "autovacuum worker", … and "reaped" for the
   * children that ended, autovacuum workers mostly): a backend's statements grow with the tables for other
   * reasons than the WAL writer's or autovacuum's work, which a short load ends before it is due.
   */
  private String rolesSince(CpuMeter before, long records) {
    StringBuilder out = new StringBuilder();
    for (var e : postgresTicksByRole.entrySet()) {
      long ticks = e.getValue() - before.postgresTicksByRole.getOrDefault(e.getKey(), 0L);
      if (ticks <= 0) continue;
      if (out.length() > 0) out.append(", ");
      out.append(String.format(java.util.Locale.ROOT, "%s %.1f", e.getKey(), ticks / TICKS_PER_SECOND * 1e6 / records));
    }
    return out.toString();
  }

  private static long postgresTicks(HubNode node, Map<String, Long> byRole) {
    try {
      int backend = BenchSupport.await(node.database().pool().query("select pg_backend_pid()").execute(), 60)
          .iterator().next().getInteger(0);
      long postmaster = parent(backend);
      long[] own = times(postmaster);
      long ticks = own[0] + own[1] + own[2] + own[3];
      byRole.merge("postmaster", own[0] + own[1], Long::sum);
      byRole.merge("reaped", own[2] + own[3], Long::sum);
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) procs::iterator) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) continue;
          long pid = Long.parseLong(name);
          try {
            if (parent(pid) == postmaster) {
              long[] t = times(pid);
              ticks += t[0] + t[1];
              byRole.merge(role(pid), t[0] + t[1], Long::sum);
            }
          } catch (IOException | RuntimeException gone) {
            // a process that ended while we looked: the postmaster's reaped-children times hold it now
          }
        }
      }
      return ticks;
    } catch (Exception e) {
      return -1;
    }
  }

  /** "postgres: walwriter" → walwriter; a backend's title names its user and database, so it is "backend". */
  private static String role(long pid) throws IOException {
    String title = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
        java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').trim();
    for (String known : new String[] {"autovacuum worker", "autovacuum launcher", "walwriter", "checkpointer",
        "background writer", "logical replication launcher"}) {
      if (title.contains(known)) return known;
    }
    return "backend";
  }

  /** utime, stime, cutime, cstime of a process (fields 14-17 of /proc/PID/stat). */
  private static long[] times(long pid) throws IOException {
    String[] f = afterName(pid);
    return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
  }

  private static long parent(long pid) throws IOException {
    return Long.parseLong(afterName(pid)[1]);
  }

  /** The fields of /proc/PID/stat after "(name)": a name may hold spaces and parentheses, so split after the last. */
  private static String[] afterName(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }
}
