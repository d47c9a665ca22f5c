package io.customerhub.resolve.standardize;

import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;

import java.util.List;

/**
 * A record reduced to standardized comparison values: computed once per record version and stored
 * (see {@link #encode()}) so that candidates never need to be standardized again.
 * STUB: the matching work replaces the body; the methods below are the contract the resolver relies on.
 */
public record StandardRecord(SourceKey key, Kind kind, List<String> emails, List<String> phones,
                             String nationalId, String taxId) {

  /** Identifiers that on their own justify looking at two records together, e.g. {@code email:wei@x.com}. */
  public List<String> strongKeys() {
    throw new UnsupportedOperationException("stub");
  }

  /** Keys that group plausible candidates (phonetic name + birth year, postcode + initial, ...). */
  public List<String> blockingKeys() {
    throw new UnsupportedOperationException("stub");
  }

  public String encode() {
    throw new UnsupportedOperationException("stub");
  }

  public static StandardRecord decode(String encoded) {
    throw new UnsupportedOperationException("stub");
  }
}
