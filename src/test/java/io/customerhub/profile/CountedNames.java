package io.customerhub.profile;

import java.util.List;
import java.util.Map;

/** A {@link NameKnowledge} for tests: given nicknames, and how often the hub has seen words as each name part. */
record CountedNames(Map<String, List<String>> formal, Map<String, Long> given, Map<String, Long> family)
    implements NameKnowledge {

  /** Counts only, no nicknames. */
  static CountedNames of(Map<String, Long> given, Map<String, Long> family) {
    return new CountedNames(Map.of(), given, family);
  }

  /** The same counts knowing these nicknames (nickname → its formal names; a formal name lists itself). */
  CountedNames withNicknames(Map<String, List<String>> nicknames) {
    return new CountedNames(nicknames, given, family);
  }

  @Override
  public List<String> formalNames(String name) {
    return formal.getOrDefault(name, List.of());
  }

  @Override
  public long asGivenName(String name) {
    return given.getOrDefault(name, 0L);
  }

  @Override
  public long asFamilyName(String name) {
    return family.getOrDefault(name, 0L);
  }
}
