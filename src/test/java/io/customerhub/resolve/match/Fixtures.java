package io.customerhub.resolve.match;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small builders for hand-made records in tests. */
final class Fixtures {

  static final Standardizer STD = new Standardizer();

  private Fixtures() {
  }

  static StandardRecord person(String id, String given, String family, String birth, String nid, String email,
                               String phone, String line1, String postcode) {
    return STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false, given,
        family, null, null, null, nid, birth, email == null ? List.of() : List.of(email),
        phone == null ? List.of() : List.of(phone),
        line1 == null && postcode == null ? List.of() : List.of(new Address(line1, null, null, null, postcode, null)),
        List.of(), Map.of(), null));
  }

  static StandardRecord org(String id, String name, String taxId, String phone, String line1, String postcode) {
    return STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.ORGANIZATION, Instant.EPOCH, false,
        null, null, null, name, taxId, null, null, List.of(), phone == null ? List.of() : List.of(phone),
        line1 == null && postcode == null ? List.of() : List.of(new Address(line1, null, null, null, postcode, null)),
        List.of(), Map.of(), null));
  }

  static StandardRecord weiZhang(String id) {
    return person(id, "Wei", "Zhang", "1990-03-07", "110101199003070011", "wei.zhang@example.com",
        "+86 138 0013 8000", "8 Jianguo Rd", "100022");
  }
}
