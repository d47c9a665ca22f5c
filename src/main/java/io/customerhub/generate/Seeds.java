package io.customerhub.generate;

/** Derives independent, reproducible random streams from the seed (SplitMix64 finalizer). */
final class Seeds {

  private Seeds() {
  }

  static long mix(long a, long b, long c) {
    return fmix(fmix(fmix(a) ^ b * 0x9E3779B97F4A7C15L) ^ c * 0xC2B2AE3D27D4EB4FL);
  }

  static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long fmix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
