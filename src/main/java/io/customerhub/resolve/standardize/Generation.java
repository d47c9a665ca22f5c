package io.customerhub.resolve.standardize;

import io.customerhub.record.FieldNames;

import java.util.List;
import java.util.Map;

/**
 * A generational suffix (Jr, Sr, II, III, IV) as a code, read from the name parts or from an attribute such as a
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

  /** "sr", "jr" (also II: the second of the name), "iii" or "iv"; null when the record names none. */
  static String of(String given, String family, String full, Map<String, Object> attributes) {
    String code = inName(family);
    if (code == null) code = inName(given);
    if (code == null) code = inName(full);
    if (code == null && attributes != null) {
      for (Map.Entry<String, Object> e : attributes.entrySet()) {
        if (!ATTRIBUTES.contains(FieldNames.key(e.getKey())) || !(e.getValue() instanceof String s)) continue;
        List<String> toks = Latinizer.tokens(Latinizer.latin(s));
        if (toks.size() == 1) code = code(toks.get(0));
        if (code != null) break;
      }
    }
    return code;
  }

  /**
   * Whether two records name different generations: both carry a suffix and they differ. One without is no
   * conflict: sources leave the suffix out.
   */
  static boolean conflict(String a, String b) {
    return a != null && b != null && !a.equals(b);
  }

  /**
   * The suffix among a name part's words after its first: "Junior" alone, or first ("Junior Silva"), is a given
   * name, and "Jun" and "Sen" are given names too (Li Jun), so neither is read as a suffix.
   */
  private static String inName(String part) {
    if (part == null || oneWord(part)) return null; // most name parts: no word after the first to look at
    List<String> toks = Latinizer.tokens(Latinizer.latin(Latinizer.nfkc(part)));
    for (int i = toks.size() - 1; i > 0; i--) {
      String code = code(toks.get(i));
      if (code != null) return code;
    }
    return null;
  }

  private static boolean oneWord(String part) {
    for (int i = 0; i < part.length(); i++) if (!Character.isLetter(part.charAt(i))) return false;
    return true;
  }

  private static String code(String token) {
    return switch (token) {
      case "sr", "snr", "senior" -> "sr";
      case "jr", "jnr", "junior", "ii" -> "jr";
      case "iii" -> "iii";
      case "iv" -> "iv";
      default -> null;
    };
  }
}
