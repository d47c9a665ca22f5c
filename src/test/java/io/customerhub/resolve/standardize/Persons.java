package io.customerhub.resolve.standardize;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Person records with only the fields the name tests set. */
final class Persons {

  private Persons() {
  }

  static CanonicalRecord person(String given, String family, String full, String birthDate,
                                Map<String, Object> attributes) {
    return new CanonicalRecord(new SourceKey("crm", "1"), Kind.PERSON, Instant.EPOCH, false, given, family, full,
        null, null, null, birthDate, List.of(), List.of(), List.of(), List.of(), attributes, null);
  }
}
