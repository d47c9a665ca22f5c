package io.customerhub.resolve.standardize;

import java.util.List;
import java.util.Objects;

/**
 * Settings of standardization (the {@code standardize} and {@code blocking.rules} parts of
 * conf/matching.json). {@code blockingRules} name the keys stored with every record, see {@link BlockingKeys};
 * {@code nicknames} let Bill and William share a name key.
 */
public record StandardizerConfig(String defaultRegion, boolean stripGmailDots, List<String> blockingRules,
                                 Nicknames nicknames) {

  /** The same as the shipped conf/matching.json, for a configuration that names no rules. */
  public static final List<String> DEFAULT_RULES = List.of("strong", "name_phonetic_year", "postcode_initials",
      "birthdate_initials", "birthdate_postcode", "street_number", "phone_tail", "org_name",
      "org_phonetic");

  public StandardizerConfig {
    defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "CN" : defaultRegion.strip().toUpperCase();
    blockingRules = List.copyOf(blockingRules == null ? DEFAULT_RULES : blockingRules);
    if (nicknames == null) nicknames = Nicknames.none();
    for (String r : blockingRules) {
      if (!BlockingKeys.RULES.contains(Objects.requireNonNull(r, "blocking rule"))) {
        throw new IllegalArgumentException("unknown blocking rule '" + r + "', known: " + BlockingKeys.RULES);
      }
    }
  }

  public StandardizerConfig(String defaultRegion, boolean stripGmailDots, List<String> blockingRules) {
    this(defaultRegion, stripGmailDots, blockingRules, Nicknames.none());
  }

  public static StandardizerConfig defaults() {
    return new StandardizerConfig("CN", false, DEFAULT_RULES, Nicknames.none());
  }
}
