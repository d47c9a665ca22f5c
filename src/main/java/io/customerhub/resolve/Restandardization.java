package io.customerhub.resolve;

import io.customerhub.ingest.CanonicalJson;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;

import java.util.Arrays;
import java.util.Optional;

/**
 * A stored identity record standardized again from its stored canonical form, exactly as ingest standardizes a
 * version it stores now ({@link Prepared#of}): what the standardizers and the online blocking rules in force make
 * of it. Pure: the caller reads and writes the rows.
 */
final class Restandardization {

  private Restandardization() {
  }

  /** A row as stored: its version (to write only what ingest has not replaced since), canonical form, values, keys. */
  record Stored(SourceKey key, long version, String canonical, String standard, long[] keyHashes) {
  }

  /** What to write for a row whose standardized values or keys changed. */
  record Changed(Stored stored, String standard, long[] keyHashes) {
  }

  /**
   * The row's new standardized values and key hashes, or empty when they are what is stored. Empty too for a
   * deleted record or an order that names its customer: ingest stores neither with a standard form, so a row that
   * has one anyway is not this function's to change. Throws as ingest would for a record that cannot be
   * standardized.
   */
  static Optional<Changed> of(Stored s, Standardizer standardizer) {
    CanonicalRecord r = CanonicalJson.decodeStored(s.canonical());
    if (!r.key().equals(s.key())) {
      throw new IllegalStateException("stored canonical record of " + s.key() + " names " + r.key());
    }
    if (r.deleted() || !r.isIdentity()) return Optional.empty();
    StandardRecord std = standardizer.standardize(r);
    String encoded = std.encode();
    long[] hashes = MatchKeys.of(r, std).hashes();
    if (encoded.equals(s.standard()) && Arrays.equals(hashes, s.keyHashes())) return Optional.empty();
    return Optional.of(new Changed(s, encoded, hashes));
  }
}
