package io.customerhub.resolve.match;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.customerhub.resolve.match.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermFrequenciesTest {

  @Test
  void frequenciesCountHanziAndPinyinAsOneName() {
    TermFrequencies tf = TermFrequencies.of(List.of(person("a", "伟", "张", null, null, null, null, null, null),
        person("b", "Wei", "Zhang", null, null, null, null, null, null),
        person("c", "Ann", "Lee", null, null, null, null, null, null),
        person("d", "Ann", null, null, null, null, null, null, null)));
    assertEquals(1.0 / 2, tf.frequency(Field.FAMILY_NAME, "zhang"), 1e-12, "one other of two");
    assertEquals(1.0 / 3, tf.frequency(Field.GIVEN_NAME, "ann"), 1e-12);
    assertEquals(1.0 / 2, tf.frequency(Field.FAMILY_NAME, "never-seen"), 1e-12, "unseen: one other at least");
    assertTrue(Double.isNaN(tf.frequency(Field.ORG_NAME, "acme")), "no organizations seen");
  }

  @Test
  void mergingEqualsCountingEverything() {
    TermFrequencies left = TermFrequencies.of(List.of(person("a", "Ann", "Lee", null, null, null, null, null, null)));
    TermFrequencies right = TermFrequencies.of(List.of(person("b", "Bo", "Lee", null, null, null, null, null, null),
        person("c", "Cy", "Wu", null, null, null, null, null, null)));
    left.merge(right);
    assertEquals(3, left.total(Field.FAMILY_NAME));
    assertEquals(1.0 / 2, left.frequency(Field.FAMILY_NAME, "lee"), 1e-12);
    left.add(person("d", "Di", "Wu", null, null, null, null, null, null));
    assertEquals(1.0 / 3, left.frequency(Field.FAMILY_NAME, "wu"), 1e-12);
  }

  @Test
  void removingARecordTakesBackWhatAddingItCounted() {
    TermFrequencies tf = TermFrequencies.of(List.of(person("a", "Ann", "Lee", null, null, null, null, null, null),
        person("b", "Bo", "Lee", null, null, null, null, null, null)));
    tf.remove(person("a", "Ann", "Lee", null, null, null, null, null, null));
    tf.add(person("a", "Ann", "Li", null, null, null, null, null, null));
    assertEquals(2, tf.total(Field.FAMILY_NAME));
    assertEquals(1, tf.count(Field.FAMILY_NAME, "lee"));
    assertEquals(1, tf.count(Field.FAMILY_NAME, "li"));
    assertEquals(1, tf.count(Field.GIVEN_NAME, "ann"));
    // a replacement counted before the arrival it replaces (two threads of the candidate index): right in the end
    tf.remove(person("c", "Cy", "Wu", null, null, null, null, null, null));
    tf.add(person("c", "Cy", "Wu", null, null, null, null, null, null));
    assertEquals(0, tf.count(Field.FAMILY_NAME, "wu"));
    assertEquals(2, tf.total(Field.FAMILY_NAME));
  }

  /** Towns are counted once per record, alike from a record and from its stored form (the candidate index's way). */
  @Test
  void townsAreCountedOncePerRecordFromEitherForm() {
    StandardRecord twoAddresses = Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", "a"), Kind.PERSON,
        Instant.EPOCH, false, "Ann", "Lee", null, null, null, null, null, List.of(), List.of(),
        List.of(new Address("1 High St", null, "Tiverton", null, "EX16 4AA", "GB"),
            new Address("9 Mill Ln", null, "TIVERTON", null, null, "GB")), List.of(), Map.of(), null));
    TermFrequencies fromRecord = TermFrequencies.of(List.of(twoAddresses));
    TermFrequencies fromStored = new TermFrequencies();
    fromStored.changed(null, twoAddresses.encode());
    for (TermFrequencies tf : List.of(fromRecord, fromStored)) {
      assertEquals(1, tf.count(Field.ADDRESS, "tiverton"));
      assertEquals(1, tf.total(Field.ADDRESS));
    }
  }

  /** Three of four records in one town, one in another: two records share a town in 6 of the 12 ordered pairs. */
  @Test
  void agreementIsTheChanceThatTwoRecordsShareAValueWhateverTheOrderOfCounting() {
    List<StandardRecord> four = List.of(town("a", "Leeds"), town("b", "Leeds"), town("c", "Leeds"), town("d", "York"));
    TermFrequencies counted = TermFrequencies.of(four);
    assertEquals(0.5, counted.agreement(Field.ADDRESS), 1e-12);
    TermFrequencies churned = new TermFrequencies();
    churned.remove(four.get(0));
    churned.merge(TermFrequencies.of(four.subList(1, 4)));
    churned.add(four.get(3));
    churned.remove(four.get(3));
    churned.add(four.get(0));
    churned.add(four.get(0));
    assertEquals(0.5, churned.agreement(Field.ADDRESS), 1e-12);
    assertTrue(Double.isNaN(new TermFrequencies().agreement(Field.ADDRESS)));
  }

  private static StandardRecord town(String id, String city) {
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        "Ann", "Lee", null, null, null, null, null, List.of(), List.of(), List.of(new Address(null, null, city, null,
        null, "GB")), List.of(), Map.of(), null));
  }

  @Test
  void aChangedRecordCountsItsNewValuesInsteadOfItsOldOnes() {
    StandardRecord ann = person("a", "Ann", "Lee", "1970-01-02", null, "ann@example.com", null, null, null);
    StandardRecord renamed = person("a", "Ann", "Li", "1970-01-02", null, "ann@example.com", null, null, null);
    TermFrequencies tf = new TermFrequencies();

    tf.changed(null, ann.encode());
    tf.changed(null, person("b", "Bo", "Lee", null, null, null, null, null, null).encode());
    assertEquals(2, tf.count(Field.FAMILY_NAME, "lee"));
    assertEquals(1, tf.count(Field.EMAIL, "ann@example.com"));
    assertEquals(1, tf.count(Field.BIRTH_DATE, "1970-01-02"));

    tf.changed(ann.encode(), ann.encode()); // moved to another profile only
    tf.changed(ann.encode(), renamed.encode());
    assertEquals(1, tf.count(Field.FAMILY_NAME, "lee"));
    assertEquals(1, tf.count(Field.FAMILY_NAME, "li"));
    assertEquals(1, tf.count(Field.GIVEN_NAME, "ann"));
    assertEquals(2, tf.total(Field.FAMILY_NAME));

    tf.changed(renamed.encode(), null);
    assertEquals(0, tf.count(Field.FAMILY_NAME, "li"));
    assertEquals(0, tf.count(Field.EMAIL, "ann@example.com"));
    assertEquals(1, tf.total(Field.FAMILY_NAME));
  }

  @Test
  void aFormNoLongerReadCountsNothingAndFailsNothing() {
    TermFrequencies tf = new TermFrequencies();
    tf.changed(null, "v0|crm|C-1|bill");
    tf.changed("v0|crm|C-1|bill", person("a", "Bill", "Lee", null, null, null, null, null, null).encode());
    assertEquals(1, tf.total(Field.FAMILY_NAME));
    assertEquals(1, tf.count(Field.GIVEN_NAME, "bill"));
  }
}
