package io.customerhub.resolve;

import io.customerhub.resolve.standardize.NameGroups;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.resolve.standardize.StandardizerConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardizationFingerprintTest {

  private static final NameGroups NICKNAMES = NameGroups.parse(List.of("william: bill, will", "robert: bob, rob"));

  private static String fingerprint(String region, boolean gmailDots, List<String> rules, List<String> batchRules,
                                    NameGroups nicknames) {
    return StandardizationFingerprint.of(new Standardizer(new StandardizerConfig(region, gmailDots, rules,
        batchRules, nicknames)));
  }

  private static String shipped() {
    return fingerprint("CN", false, StandardizerConfig.DEFAULT_RULES, StandardizerConfig.DEFAULT_BATCH_RULES,
        NICKNAMES);
  }

  @Test
  void theSameStandardizationHasTheSameFingerprint() {
    assertEquals(shipped(), shipped());
    assertTrue(shipped().matches("[0-9a-f]{32}"), shipped());
  }

  @Test
  void everySettingThatShapesStoredValuesOrKeysChangesIt() {
    List<String> fewer = new ArrayList<>(StandardizerConfig.DEFAULT_RULES);
    fewer.remove("street_number");
    List<String> more = new ArrayList<>(StandardizerConfig.DEFAULT_RULES);
    more.add("name_key");
    List<String> variants = List.of(
        fingerprint("US", false, StandardizerConfig.DEFAULT_RULES, StandardizerConfig.DEFAULT_BATCH_RULES, NICKNAMES),
        fingerprint("CN", true, StandardizerConfig.DEFAULT_RULES, StandardizerConfig.DEFAULT_BATCH_RULES, NICKNAMES),
        fingerprint("CN", false, fewer, StandardizerConfig.DEFAULT_BATCH_RULES, NICKNAMES),
        fingerprint("CN", false, more, StandardizerConfig.DEFAULT_BATCH_RULES, NICKNAMES),
        fingerprint("CN", false, StandardizerConfig.DEFAULT_RULES, StandardizerConfig.DEFAULT_BATCH_RULES,
            NameGroups.none()),
        fingerprint("CN", false, StandardizerConfig.DEFAULT_RULES, StandardizerConfig.DEFAULT_BATCH_RULES,
            NameGroups.parse(List.of("william: bill, will", "robert: bob, rob", "margaret: peggy"))));
    for (String v : variants) assertNotEquals(shipped(), v);
    assertEquals(variants.size(), variants.stream().distinct().count(), variants::toString);
  }

  @Test
  void batchRulesAndTheNicknameFilesLayoutDoNotChangeIt() {
    // batch rules are computed in passes over all records, never stored
    assertEquals(shipped(), fingerprint("CN", false, StandardizerConfig.DEFAULT_RULES, List.of("name_key"), NICKNAMES));
    assertEquals(shipped(), fingerprint("cn", false, StandardizerConfig.DEFAULT_RULES,
        StandardizerConfig.DEFAULT_BATCH_RULES, NameGroups.parse(List.of("# groups", "robert: rob, bob", "",
            "WILLIAM: Will, Bill  # the same table, written differently"))));
  }
}
