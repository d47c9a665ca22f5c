package io.customerhub.resolve.standardize;

import io.customerhub.record.CanonicalRecord;

/** STUB: turns a canonical record into its standardized comparison values. Thread-safe. */
public final class Standardizer {

  public StandardRecord standardize(CanonicalRecord record) {
    throw new UnsupportedOperationException("stub");
  }
}
