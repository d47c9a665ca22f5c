package io.customerhub.profile;

import io.customerhub.record.SourceKey;

import java.time.Instant;

/**
 * One value one member record offered for one golden attribute. Values are plain JSON values (string, number,
 * boolean, or a map for an address) so that a profile survives a JSON round trip unchanged. {@code field} is the
 * record's field the value came from where that is not the attribute itself (a given name split from the record's
 * {@code fullName}, or read from its {@code familyName} where the record swapped its name parts); else null.
 */
public record Candidate(SourceKey record, Instant at, Object value, String field) {

  public Candidate(SourceKey record, Instant at, Object value) {
    this(record, at, value, null);
  }
}
