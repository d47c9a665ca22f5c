package io.customerhub.resolve.standardize;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Common given names written in Arabic script, in the Latin spelling most records use. Arabic script writes no short
 * vowels, so a transliteration cannot tell them: ICU makes محمد "mhmd", which meets no "Muhammad" or "Mohammed" of
 * a Latin-script record. The other spellings of each (Mohammed, Mohamed, Md) are related in conf/nicknames.txt.
 * Words are compared after the letters that are written several ways are made one (أ إ آ → ا, ة → ه, ى → ي, and
 * Persian's and Urdu's ی and ک) and the vowel marks some records carry are dropped.
 */
final class ArabicNames {

  private static final Map<String, String> NAMES = new HashMap<>();
  private static final Pattern ABD = Pattern.compile("عبد\\s+(?=\\p{IsArabic})");

  static {
    String[][] names = {
        {"محمد", "muhammad"}, {"احمد", "ahmed"}, {"محمود", "mahmoud"}, {"علي", "ali"}, {"حسن", "hassan"},
        {"حسين", "hussain"}, {"عمر", "omar"}, {"عثمان", "usman"}, {"ابراهيم", "ibrahim"}, {"يوسف", "yusuf"},
        {"مصطفي", "mustafa"}, {"خالد", "khalid"}, {"عبدالله", "abdullah"}, {"عبدالرحمن", "abdulrahman"},
        {"عبدالعزيز", "abdulaziz"}, {"عبدالرحيم", "abdulrahim"}, {"عبد", "abdul"}, {"طارق", "tariq"},
        {"كريم", "karim"}, {"رشيد", "rashid"}, {"سعيد", "saeed"}, {"سيد", "syed"}, {"حمزه", "hamza"},
        {"جمال", "jamal"}, {"امير", "amir"}, {"سالم", "salem"}, {"سلمان", "salman"}, {"سلطان", "sultan"},
        {"فيصل", "faisal"}, {"ناصر", "nasser"}, {"عادل", "adel"}, {"وليد", "walid"}, {"هشام", "hisham"},
        {"عمرو", "amr"}, {"ماجد", "majid"}, {"منصور", "mansour"}, {"صالح", "saleh"}, {"فهد", "fahad"},
        {"سامي", "sami"}, {"زياد", "ziad"}, {"بلال", "bilal"}, {"انس", "anas"}, {"اسامه", "osama"},
        {"ياسر", "yasser"}, {"مراد", "murad"}, {"حامد", "hamid"}, {"رضا", "reza"}, {"مهدي", "mahdi"},
        {"جعفر", "jafar"}, {"عباس", "abbas"}, {"نبيل", "nabil"}, {"حسام", "hussam"}, {"فاطمه", "fatima"},
        {"عائشه", "aisha"}, {"عايشه", "aisha"}, {"زينب", "zainab"}, {"مريم", "maryam"}, {"نور", "nur"},
        {"ياسمين", "yasmin"}, {"ليلي", "layla"}, {"ساره", "sara"}, {"خديجه", "khadija"}, {"امينه", "amina"},
        {"ناديه", "nadia"}, {"هدي", "huda"}, {"رانيا", "rania"}, {"دينا", "dina"}, {"مني", "mona"},
        {"امل", "amal"}, {"سلمي", "salma"}, {"هند", "hind"}, {"رحمه", "rahma"}, {"اسماء", "asma"},
        {"حنان", "hanan"}, {"لينا", "lina"}, {"ريم", "reem"}, {"سميره", "samira"}, {"نوره", "noura"}};
    for (String[] n : names) NAMES.put(n[0], n[1]);
  }

  private ArabicNames() {
  }

  /**
   * The Latin spelling of one word of a name in Arabic script, or null for a word this table does not know. The
   * article of a family name is written apart, as Latin records write it: الحسن → "al hassan" (Al-Hassan).
   */
  static String latin(String word) {
    String w = normalized(word);
    String name = NAMES.get(w);
    if (name != null) return name;
    if (w.startsWith("ال") && w.length() > 3) {
      name = NAMES.get(w.substring(2));
      if (name != null) return "al " + name;
    }
    return null;
  }

  /**
   * The text with عبد joined to the name after it, as "Abdullah" and "Abdulrahman" are written in Latin letters:
   * عبد الله is one name, not "abd" and "allah".
   */
  static String withCompoundsJoined(String text) {
    return text.indexOf("عبد") < 0 ? text : ABD.matcher(text).replaceAll("عبد");
  }

  private static String normalized(String word) {
    StringBuilder out = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      switch (c) {
        case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
        case 'ة' -> out.append('ه');
        // Persian and Urdu write yeh and kaf with letters of their own: علی is علي
        case 'ى', 'ی', 'ې' -> out.append('ي');
        case 'ک' -> out.append('ك');
        default -> {
          // the short vowels and other marks (fatha, damma, kasra, shadda, sukun, tanwin) and the tatweel
          if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') continue;
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
