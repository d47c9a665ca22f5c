package io.customerhub.resolve.standardize;

/**
 * A second reading of a person's name written in hanzi, standardized as the name itself is: {@code system}
 * "cantonese" for 陳大文 read as Hong Kong spells it (given "tai man", family "chan") beside its pinyin (dawen chen).
 * A record in Latin letters is compared with the reading that agrees best with it.
 */
public record NameReading(String system, String given, String family) {

  public NameReading {
    given = StandardAddress.blankToNull(given);
    family = StandardAddress.blankToNull(family);
  }
}
