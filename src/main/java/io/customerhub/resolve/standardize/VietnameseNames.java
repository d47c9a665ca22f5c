package io.customerhub.resolve.standardize;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Vietnamese names, written family name first in Latin letters (Nguyễn Văn An: family Nguyễn, given An): read the
 * way other Latin names are, the family name became "an" and the given name "nguyen van". A whole name is read
 * family name first where its first word is a Vietnamese family name and either the name carries letters only
 * Vietnamese writes (ư, ơ, ễ, ạ…) or, without its diacritics, its second word is Thi (Thị), or Van (Văn) after a
 * family name that is no common given name elsewhere, and a given name follows: "Nguyen Van An", "Tran Thi Mai", not
 * "Mai Van Dyke". Văn and Thị mark a man and a woman between family and given name; records in other countries mostly
 * leave them out (An Nguyen), so they are dropped from the given name as compared. Their gender is not taken: without
 * its diacritics, Van is also the given-name syllable Vân of women (Vân Anh).
 */
final class VietnameseNames {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** The commonest family names, which most Vietnamese bear, without diacritics. */
  static final Set<String> FAMILY_NAMES = Set.of("nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo",
      "dang", "bui", "do", "ho", "ngo", "duong", "ly", "dao", "doan", "vuong", "trinh", "truong", "dinh", "lam",
      "phung", "mai", "to", "ha", "ta", "luong", "cao", "chau", "quach", "luu", "thai", "trieu", "kieu", "tu", "la",
      "tang", "chu", "dam", "luc", "than", "diep", "giang", "hua", "khuc", "mac", "nghiem", "quan", "ton", "ong");

  /** Family names that are no common given name elsewhere (not Le, Mai, Ho, Ha, Ly): Van after them is Văn. */
  private static final Set<String> BEFORE_VAN = Set.of("nguyen", "tran", "pham", "hoang", "huynh", "phan", "vu", "vo",
      "dang", "bui", "ngo", "duong", "dao", "doan", "vuong", "trinh", "truong", "dinh", "phung", "luong", "quach",
      "luu", "trieu", "kieu", "nghiem", "khuc");

  private VietnameseNames() {
  }

  /** {family, given} of a whole Vietnamese name as written; null for any other. */
  static String[] parts(String n) {
    int space = n.indexOf(' ');
    // most names are no Vietnamese one: their first word, when plain ASCII, says so without splitting
    if (space < 0) return null;
    if (Latinizer.isAscii(n) && !FAMILY_NAMES.contains(n.substring(0, space).toLowerCase(Locale.ROOT))) return null;
    String[] words = SPACES.split(n.strip());
    if (words.length < 2) return null;
    String family = Latinizer.latin(words[0]);
    if (!FAMILY_NAMES.contains(family)) return null;
    String second = Latinizer.latin(words[1]);
    boolean marked = words.length >= 3
        && (second.equals("thi") || (second.equals("van") && BEFORE_VAN.contains(family)));
    if (!marked && !vietnameseLetters(n)) return null;
    return new String[] {words[0], String.join(" ", Arrays.copyOfRange(words, 1, words.length))};
  }

  /** Văn or Thị (standardized van, thi). */
  static boolean isMiddle(String word) {
    return word.equals("van") || word.equals("thi");
  }

  /** Letters only Vietnamese writes: ơ and ư, and the vowels of Unicode's block for it (ạ, ả, ễ, ộ, ự…). */
  private static boolean vietnameseLetters(String n) {
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if ((c >= '\u1EA0' && c <= '\u1EF9') || c == 'ơ' || c == 'Ơ' || c == 'ư' || c == 'Ư') return true;
    }
    return false;
  }
}
