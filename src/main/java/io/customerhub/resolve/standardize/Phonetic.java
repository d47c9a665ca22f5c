package io.customerhub.resolve.standardize;

/**
 * A small sound key for Latin and pinyin names (a Soundex relative without the fixed length): consonants
 * in sound classes, vowels and h/w/y ignored, repeats collapsed. Smith = Smyth, Zhang = Zang, Katherine =
 * Catherine. Written here rather than taken from commons-codec, which is only on the classpath by accident.
 */
public final class Phonetic {

  private static final int MAX = 6;

  private Phonetic() {
  }

  public static String key(String latin) {
    if (latin == null) return null;
    StringBuilder out = new StringBuilder(MAX);
    char last = 0;
    String s = latin.replace("sch", "s").replace("ph", "f").replace("ck", "k");
    for (int i = 0; i < s.length() && out.length() < MAX; i++) {
      char code = code(s.charAt(i));
      if (code == 0) continue;
      if (code == '.') {
        if (out.length() == 0) out.append('a');
        last = 0;
        continue;
      }
      if (code != last) out.append(code);
      last = code;
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** Sound class of a letter; '.' for vowels (they separate repeats), 0 for characters that do not count. */
  private static char code(char c) {
    return switch (c) {
      case 'a', 'e', 'i', 'o', 'u' -> '.';
      case 'b', 'p' -> 'p';
      case 'f', 'v' -> 'f';
      case 'c', 'k', 'q', 'g' -> 'k';
      case 's', 'z', 'x' -> 's';
      case 'd', 't' -> 't';
      case 'l' -> 'l';
      case 'm', 'n' -> 'n';
      case 'r' -> 'r';
      case 'j' -> 'j';
      default -> 0;
    };
  }
}
