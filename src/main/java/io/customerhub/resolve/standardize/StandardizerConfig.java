package io.customerhub.resolve.standardize;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of standardization (the {@code standardize} and {@code blocking} parts of conf/matching.json).
 * {@code blockingRules} name the keys stored with every record and looked up when a record is linked online, see
 * {@link BlockingKeys}; {@code batchRules} are added to them where the hub compares all its records at once
 * (training, re-resolution); {@code nicknames} let Bill and William share a name key.
 */
public record StandardizerConfig(String defaultRegion, boolean stripGmailDots, List<String> blockingRules,
                                 List<String> batchRules, NameGroups nicknames) {

  /** The same as the shipped conf/matching.json, for a configuration that names no rules. */
  public static final List<String> DEFAULT_RULES = List.of("strong", "name_phonetic_year", "postcode_initials",
      "birthdate_initials", "birthdate_postcode", "street_number", "phone_tail", "org_name",
      "org_phonetic");
  /** The same as the shipped conf/matching.json, for a configuration that names no batch rules. */
  public static final List<String> DEFAULT_BATCH_RULES = List.of("name_sound_year", "email_local",
      "birthdate_name_sound", "date_part_name", "name_key", "name_sound", "number_postcode", "street_word",
      "birthdate_city", "near_postcode_initials", "city_name", "occupation_name", "city_occupation");

  public StandardizerConfig {
    defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "CN" : defaultRegion.strip().toUpperCase();
    blockingRules = known(blockingRules == null ? DEFAULT_RULES : blockingRules);
    batchRules = known(batchRules == null ? DEFAULT_BATCH_RULES : batchRules);
    if (nicknames == null) nicknames = NameGroups.none();
  }

  public StandardizerConfig(String defaultRegion, boolean stripGmailDots, List<String> blockingRules) {
    this(defaultRegion, stripGmailDots, blockingRules, List.of(), NameGroups.none());
  }

  public static StandardizerConfig defaults() {
    return new StandardizerConfig("CN", false, DEFAULT_RULES, DEFAULT_BATCH_RULES, NameGroups.none());
  }

  /** The rules of a pass over all records at once: the stored rules, then the batch rules. */
  public StandardizerConfig forBatch() {
    Set<String> all = new LinkedHashSet<>(blockingRules);
    all.addAll(batchRules);
    return new StandardizerConfig(defaultRegion, stripGmailDots, List.copyOf(all), List.of(), nicknames);
  }

  public StandardizerConfig withNicknames(NameGroups n) {
    return new StandardizerConfig(defaultRegion, stripGmailDots, blockingRules, batchRules, n);
  }

  private static List<String> known(List<String> rules) {
    for (String r : rules) {
      if (!BlockingKeys.RULES.contains(Objects.requireNonNull(r, "blocking rule"))) {
        throw new IllegalArgumentException("unknown blocking rule '" + r + "', known: " + BlockingKeys.RULES);
      }
    }
    return List.copyOf(rules);
  }
}
