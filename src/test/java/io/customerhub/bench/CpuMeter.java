package io.customerhub.bench;

import io.customerhub.app.HubNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the hub and the bench's own client) and by the embedded PostgreSQL (the postmaster,
 * its live children and the children it has reaped, such as finished autovacuum workers), read from /proc: on a
 * 2-core machine the load is CPU-bound, so where the seconds per record grow with the data says which side to
 * look at. Linux only; elsewhere both read as unknown.
 */
record CpuMeter(long jvmNanos, long postgresTicks, long jitMillis, long gcMillis) {

  /** The kernel's clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on every Linux this runs on). */
  private static final double TICKS_PER_SECOND = 100;

  static CpuMeter read(HubNode node) {
    long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    long gc = 0;
    for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) gc += Math.max(0, bean.getCollectionTime());
    return new CpuMeter(jvm, postgresTicks(node), ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
        gc);
  }

  /**
   * "JVM x µs, PostgreSQL y µs of CPU per record" since {@code before}, with the JIT compilers' and the garbage
   * collector's milliseconds in the JVM's share: a load that runs while C2 is still compiling, or that the young
   * generation cannot hold, pays for it, and the same load measured twice differs by it.
   */
  String perRecordSince(CpuMeter before, long records) {
    double jvm = (jvmNanos - before.jvmNanos) / 1e3 / records;
    String pg = postgresTicks < 0 || before.postgresTicks < 0 ? "unknown"
        : String.format(java.util.Locale.ROOT, "%.0f µs", (postgresTicks - before.postgresTicks)
            / TICKS_PER_SECOND * 1e6 / records);
    return String.format(java.util.Locale.ROOT, "JVM %.0f µs (hub and the bench's client; in all, JIT compiling %,d ms "
        + "and collecting garbage %,d ms), PostgreSQL %s", jvm, jitMillis - before.jitMillis, gcMillis - before.gcMillis,
        pg);
  }

  private static long postgresTicks(HubNode node) {
    try {
      int backend = BenchSupport.await(node.database().pool().query("select pg_backend_pid()").execute(), 60)
          .iterator().next().getInteger(0);
      long postmaster = parent(backend);
      long[] own = times(postmaster);
      long ticks = own[0] + own[1] + own[2] + own[3];
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) procs::iterator) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) continue;
          long pid = Long.parseLong(name);
          try {
            if (parent(pid) == postmaster) {
              long[] t = times(pid);
              ticks += t[0] + t[1];
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
