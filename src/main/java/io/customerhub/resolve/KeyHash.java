package io.customerhub.resolve;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Match keys are stored and looked up as 64-bit hashes (half of MurmurHash3 x64 128 of the key's UTF-8 bytes):
 * an index of eight-byte values is a fraction of one of key texts, and it is the index every batch writes most.
 * Two keys sharing a hash only bring a record into a comparison it did not need; the scorer keeps them apart.
 */
public final class KeyHash {

  private KeyHash() {
  }

  public static long of(String key) {
    return MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8))[0];
  }

  /** The distinct hashes of {@code keys}, ascending. */
  public static long[] of(List<String> keys) {
    return Arrays.stream(keys.stream().mapToLong(KeyHash::of).toArray()).sorted().distinct().toArray();
  }

  /** A PostgreSQL array literal ({@code {1,-2}}): how a row's hashes travel in a batch of text parameters. */
  public static String literal(long[] hashes) {
    StringBuilder sb = new StringBuilder(hashes.length * 21 + 2).append('{');
    for (int i = 0; i < hashes.length; i++) {
      if (i > 0) sb.append(',');
      sb.append(hashes[i]);
    }
    return sb.append('}').toString();
  }
}
