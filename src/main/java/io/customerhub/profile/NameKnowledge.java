package io.customerhub.profile;

import java.util.List;

/**
 * What survivorship knows of names, in {@link Normalize#name} form: the formal names a nickname stands for (bill →
 * william), so that a record saying "Bill" backs the "William" another record gives instead of outvoting it; and how
 * often the hub's records give a word as a given name and as a family name, so that where records swap a name's
 * parts and their votes are level, the data says which part is which (zhu is a family name far more often than a
 * given one). Counts come from the records stored so far: learned from the data, not from a list.
 */
@FunctionalInterface
public interface NameKnowledge {

  /** Knows no nicknames and has counted nothing. */
  NameKnowledge NONE = name -> List.of();

  /** The formal names {@code name} is a nickname of; empty when none. */
  List<String> formalNames(String name);

  /** How many stored records give {@code name} as their given name. */
  default long asGivenName(String name) {
    return 0;
  }

  /** How many stored records give {@code name} as their family name. */
  default long asFamilyName(String name) {
    return 0;
  }

  /**
   * How likely the counts make {@code name} a given name rather than a family name: its share of the two, one of
   * each added, so that a name never counted is even (0.5). One minus it is the family-name share.
   */
  default double givenShare(String name) {
    long given = asGivenName(name);
    return (given + 1.0) / (given + asFamilyName(name) + 2.0);
  }

  /**
   * How many times likelier the counts make {@code second} the given name and {@code first} the family name than
   * the other way round: above one, the words are likelier swapped; a pair never counted is even (1).
   */
  default double swapOdds(String first, String second) {
    double firstGiven = givenShare(first);
    double secondGiven = givenShare(second);
    return secondGiven * (1 - firstGiven) / (firstGiven * (1 - secondGiven));
  }
}
