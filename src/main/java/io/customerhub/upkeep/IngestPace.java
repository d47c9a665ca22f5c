package io.customerhub.upkeep;

/**
 * Tells, from the count of records linked at each of the learning's looks, whether ingest is quiet enough for a
 * young hub to learn now. Quiet is a look with no record linked since the one before (a bulk load is over), or a
 * trickle: no more than {@code tricklePerLook} records between any two looks for {@code trickleLooks} looks in a
 * row. A stream that never stops (a Kafka topic a shop writes to all day) would otherwise never let the hub learn,
 * and its records linked online, without the batch rules, would stay split for good. A trickle lets it learn once
 * per {@code trickleLooks} looks at most; whether anything is due then (the records doubled, a new model) is the
 * learning's call. Pure and single-threaded: the verticle's timer calls it.
 */
final class IngestPace {

  private final double tricklePerLook;
  private final int trickleLooks;
  private double lastCount = -1;
  private int slowLooks;

  /**
   * @param tricklePerLook records linked between two looks that still count as a trickle (0: only silence counts)
   * @param trickleLooks   looks in a row of a trickle at most that make ingest quiet (at least 1)
   */
  IngestPace(double tricklePerLook, int trickleLooks) {
    this.tricklePerLook = tricklePerLook;
    this.trickleLooks = Math.max(1, trickleLooks);
  }

  /** From the settings: a trickle in records a second over a number of seconds, looks {@code lookSeconds} apart. */
  static IngestPace of(int trickleRecordsPerSecond, int trickleSeconds, int lookSeconds) {
    int look = Math.max(1, lookSeconds);
    return new IngestPace((double) trickleRecordsPerSecond * look, Math.max(1, trickleSeconds / look));
  }

  /** One look, with the count of records linked so far: whether ingest is quiet now. */
  boolean quiet(double linked) {
    double added = lastCount < 0 ? Double.POSITIVE_INFINITY : linked - lastCount;
    lastCount = linked;
    if (added == 0) {
      slowLooks = 0;
      return true;
    }
    if (tricklePerLook <= 0 || added > tricklePerLook) {
      slowLooks = 0;
      return false;
    }
    if (++slowLooks < trickleLooks) return false;
    slowLooks = 0; // the next trickle-quiet look comes a trickle's length later, not every look
    return true;
  }
}
