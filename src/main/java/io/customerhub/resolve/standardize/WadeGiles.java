package io.customerhub.resolve.standardize;

import java.util.Map;

/**
 * Pinyin syllables as Taiwan's passports and most Taiwanese records spell names: Wade-Giles without its apostrophes
 * and umlauts (李登輝 Lee Teng-hui, 賴清德 Lai Ching-te, 張 Chang, 謝 Hsieh, 曾 Tseng), where pinyin writes Deng-hui,
 * Qing-de, Zhang, Xie and Zeng. Spelled by rule from the pinyin syllable ICU gives (tone marks and umlauts already
 * gone), so that it holds for every character ICU reads. Pure and thread-safe.
 */
final class WadeGiles {

  /**
   * Syllables no rule below spells. 思 and 怡 are spelled as Taiwanese passports spell them (Szu-yu, Yi-chun), not
   * as the textbook does (ssu, i): names are the point here.
   */
  private static final Map<String, String> WHOLE = Map.ofEntries(
      Map.entry("zhi", "chih"), Map.entry("chi", "chih"), Map.entry("shi", "shih"), Map.entry("ri", "jih"),
      Map.entry("zi", "tzu"), Map.entry("ci", "tzu"), Map.entry("si", "szu"), Map.entry("yi", "yi"),
      Map.entry("ye", "yeh"), Map.entry("you", "yu"), Map.entry("yan", "yen"), Map.entry("yong", "yung"),
      Map.entry("yue", "yueh"), Map.entry("er", "erh"), Map.entry("e", "o"), Map.entry("ge", "ko"),
      Map.entry("ke", "ko"), Map.entry("he", "ho"));

  private WadeGiles() {
  }

  /** One pinyin syllable (zhang, deng, qing) in Wade-Giles as Taiwan writes it (chang, teng, ching). */
  static String spell(String pinyin) {
    if (pinyin.isEmpty()) return pinyin;
    String whole = WHOLE.get(pinyin);
    if (whole != null) return whole;
    String initial = initial(pinyin);
    String fin = pinyin.substring(initial.length());
    if (fin.isEmpty()) return pinyin;
    return spellInitial(initial, fin) + spellFinal(initial, fin);
  }

  private static String initial(String s) {
    for (String two : new String[] {"zh", "ch", "sh"}) if (s.startsWith(two)) return two;
    char c = s.charAt(0);
    return "bpmfdtnlgkhjqxrzcswy".indexOf(c) >= 0 ? String.valueOf(c) : "";
  }

  private static String spellInitial(String initial, String fin) {
    return switch (initial) {
      case "b" -> "p";
      case "d" -> "t";
      case "g" -> "k";
      case "j", "q", "zh" -> "ch";
      case "x" -> "hs";
      case "z", "c" -> "ts";
      case "r" -> "j";
      default -> initial;
    };
  }

  private static String spellFinal(String initial, String fin) {
    if (fin.equals("uo")) return "gkh".contains(initial) || initial.equals("sh") ? "uo" : "o";
    if (fin.equals("ui")) return initial.equals("g") || initial.equals("k") ? "uei" : "ui";
    if (fin.equals("ong")) return "ung";
    if (fin.equals("iong")) return "iung";
    if (fin.equals("ian")) return "ien";
    if (fin.equals("ie")) return "ieh";
    if (fin.equals("ue")) return "ueh";
    return fin;
  }
}
