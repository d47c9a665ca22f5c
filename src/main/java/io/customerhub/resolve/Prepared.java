package io.customerhub.resolve;

import io.customerhub.ingest.CanonicalJson;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One record of a batch made ready for the transaction: canonical JSON, content hash, standardized values and the
 * keys it is found and locked by (and, for an identity record, the hashes they are stored as). Computed on a
 * worker thread before the transaction starts.
 */
record Prepared(int index, Incoming incoming, String canonical, String hash, StandardRecord standard,
                String standardEncoded, List<String> keys, Set<String> strongKeys, long[] keyHashes) {

  /** The same record at another place, when its batch becomes part of a larger one. */
  Prepared at(int place) {
    return new Prepared(place, incoming, canonical, hash, standard, standardEncoded, keys, strongKeys, keyHashes);
  }

  CanonicalRecord record() {
    return incoming.record();
  }

  SourceKey key() {
    return incoming.record().key();
  }

  boolean isIdentity() {
    return !record().deleted() && record().isIdentity();
  }

  static Prepared of(int index, Incoming in, Standardizer standardizer) {
    String canonical = CanonicalJson.encode(in.record()).encode();
    String hash = CanonicalJson.contentHash(canonical);
    CanonicalRecord r = in.record();
    if (r.deleted() || !r.isIdentity()) {
      // an order also locks its customer's key, so that it and a concurrent write of that customer take turns
      // and one of them always sees the other (else the order could be stored but never counted)
      List<String> lockKeys = r.order() != null && r.order().customerRef() != null
          ? List.of(Linker.recordKey(r.key()), Linker.recordKey(r.order().customerRef()))
          : List.of(Linker.recordKey(r.key()));
      return new Prepared(index, in, canonical, hash, null, null, lockKeys, Set.of(), null);
    }
    StandardRecord std = standardizer.standardize(r);
    MatchKeys keys = MatchKeys.of(r, std);
    return new Prepared(index, in, canonical, hash, std, std.encode(), keys.keys(), keys.strong(), keys.hashes());
  }

  /** True when this version should replace {@code stored}: newer, or the same time but a different content. */
  boolean supersedes(Instant storedUpdatedAt, String storedHash) {
    if (hash.equals(storedHash)) return false;
    Instant mine = record().updatedAt();
    if (mine == null || storedUpdatedAt == null) return true;
    int c = mine.compareTo(storedUpdatedAt);
    // equal timestamps with different content: the larger hash wins, so every delivery order converges; the hub's
    // own correction of how it read the same input wins outright (a newer version of the record still beats it)
    return c > 0 || (c == 0 && (incoming.correction() || hash.compareTo(storedHash) > 0));
  }
}
