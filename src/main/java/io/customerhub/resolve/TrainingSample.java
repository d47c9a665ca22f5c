package io.customerhub.resolve;

/**
 * Which stored records a training reads when there are more than it needs: each record by its key alone, with the
 * same chance, so the sample is uniform (a pair of duplicates is in it as often as a pair of strangers, and the
 * share of matches among candidate pairs stays what it is) and the same records are drawn each time.
 */
final class TrainingSample {

  private static final long SLOTS = 1L << 20;

  private TrainingSample() {
  }

  /** The share of {@code stored} records to read so that about {@code max} are read; 1 when all fit. */
  static double fraction(long stored, int max) {
    return stored <= max ? 1.0 : (double) max / stored;
  }

  /** Whether the record {@code source}/{@code sourceId} is in a sample of {@code fraction} of all records. */
  static boolean keeps(String source, String sourceId, double fraction) {
    if (fraction >= 1.0) return true;
    long slot = Math.floorMod(KeyHash.of(source + '\u0000' + sourceId), SLOTS);
    return slot < fraction * SLOTS;
  }
}
