package io.customerhub.resolve.standardize;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.MatchingConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys a person is found by from a name alone (profile search), never stored or linked by. */
class NameSoundKeysTest {

  private static final Standardizer STD = new Standardizer(MatchingConfig.load(Path.of("conf/matching.json"))
      .standardizer());

  private static List<String> keys(String given, String family) {
    StandardRecord r = STD.standardize(CanonicalRecord.person(new SourceKey("s", "1"), Instant.EPOCH, given, family,
        null, null));
    return STD.nameSoundKeys(r.kind(), r.given(), r.family());
  }

  private static boolean meet(List<String> a, List<String> b) {
    return !Collections.disjoint(a, b);
  }

  @Test
  void aNameIsFoundInEitherOrderAndBySound() {
    assertTrue(meet(keys("Catherine", "Smith"), keys("Smith", "Catherine")), "swapped");
    assertTrue(meet(keys("Catherine", "Smith"), keys("Kathryn", "Smyth")), "spelled otherwise, sounding alike");
    assertFalse(meet(keys("Catherine", "Smith"), keys("Catherine", "Jones")), "another family");
  }

  @Test
  void aNicknameFindsItsFormalNameAndTheFormalNameTheNickname() {
    assertTrue(meet(keys("Bill", "Gates"), keys("William", "Gates")));
    assertTrue(meet(keys("William", "Gates"), keys("Bill", "Gates")));
    assertTrue(meet(keys("Gates", "Bill"), keys("William", "Gates")), "a swapped record's nickname too");
  }

  @Test
  void hanziAndPinyinMeet() {
    assertTrue(meet(keys("伟", "张"), keys("Wei", "Zhang")));
  }

  @Test
  void aWholeNameInOneFieldIsSplitBothWays() {
    assertTrue(meet(keys("gates michael", null), keys("Michael", "Gates")));
    assertTrue(meet(keys(null, "michael gates"), keys("Michael", "Gates")));
    assertTrue(meet(keys("Maria de la Cruz", null), keys("Maria", "de la Cruz")));
  }

  @Test
  void nothingWithoutBothPartsOrForAnOrganization() {
    assertEquals(List.of(), keys("Catherine", null));
    assertEquals(List.of(), keys(null, null));
    assertEquals(List.of(), keys("123", "Smith"), "a part without a sound would make a block of every Smith");
    assertEquals(List.of(), STD.nameSoundKeys(Kind.ORGANIZATION, "acme", "trading"));
  }

  @Test
  void theIndexReadsTheSameKeysFromTheEncodedRecord() {
    StandardRecord r = STD.standardize(CanonicalRecord.person(new SourceKey("s|x", "1;2"), Instant.EPOCH,
        "Catherine", "Smith", null, null));
    assertEquals(STD.nameSoundKeys(r.kind(), r.given(), r.family()), STD.nameSoundKeys(r.encode()));
    String[] kindAndNames = StandardRecord.kindAndNames(r.encode());
    assertEquals(List.of("person", r.given(), r.family()), List.of(kindAndNames));
  }
}
