package io.customerhub.resolve.standardize;

import io.customerhub.record.FieldNames;

import java.util.List;
import java.util.Map;

/**
 * A generational suffix (Jr, Sr, II, III, IV) as a code, dropped from the name or read from an attribute such as a
 * voter roll's {@code name_suffix_lbl}. Names are compared without it (a source that leaves it out still matches),
 * but two records that both carry one and differ are a father and a son: at one address, with one name, nothing
 * else tells them apart, and the matcher sends such a pair to a steward instead of merging it.
 */
final class Generation {

  /** Attribute names (as {@link FieldNames#key} writes them) that hold a generational suffix on its own. */
  static final List<String> ATTRIBUTES = List.of("namesuffix", "namesuffixlbl", "namesufxcd", "namesfx", "suffix",
      "sfx", "generation", "generationalsuffix");

  private Generation() {
  }

  /**
   * "sr", "jr" (also II: the second of the name), "iii" or "iv"; null when the record names none: the suffix
   * dropped from the name ({@code fromName}, see {@link NameWords}), else a suffix attribute holding one word.
   */
  static String of(String fromName, Map<String, Object> attributes) {
    if (fromName != null || attributes == null || attributes.isEmpty()) return fromName;
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      if (!ATTRIBUTES.contains(FieldNames.key(e.getKey())) || !(e.getValue() instanceof String s)) continue;
      List<String> toks = Latinizer.tokens(Latinizer.latin(s));
      String code = toks.size() == 1 ? NameWords.generationOf(toks.get(0)) : null;
      if (code != null) return code;
    }
    return null;
  }

  /**
   * Whether two records name different generations: both carry a suffix and they differ. One without is no
   * conflict: sources leave the suffix out.
   */
  static boolean conflict(String a, String b) {
    return a != null && b != null && !a.equals(b);
  }
}
