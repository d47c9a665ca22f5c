package io.customerhub.resolve.standardize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Hanzi read in Cantonese and spelled as Hong Kong writes names in Latin letters (the Hong Kong Government
 * Cantonese Romanisation of identity cards and passports): 陳大文 → chan tai man, 張偉華 → cheung wai wah. Mandarin
 * pinyin (chen dawen) meets none of the Latin records of Hong Kong, Macau, Guangdong and most overseas Chinese.
 *
 * <p>The readings are Unihan's kCantonese (Jyutping, tones dropped; src/tools/cantonese_readings.py writes the
 * table), spelled by rule: the initials as Hong Kong writes them (b and p as p, d and t as t, z and c as ch or ts, j
 * as y), the vowels without Jyutping's length marks (aa as a, oe as eu, eoi as ui). Family names whose customary
 * spelling no rule gives (李 Lee, 周 Chow, 羅 Law) come from a table. Pure and thread-safe.
 */
final class Cantonese {

  private static final String TABLE = "cantonese-readings.txt";
  private static final int BLOCK = 64;
  /** Family names spelled otherwise than their syllable (李 is lei, written Lee), traditional and simplified. */
  private static final Map<Integer, String> SURNAMES = Map.ofEntries(
      entry((int) '李', "lee"), entry((int) '利', "lee"), entry((int) '羅', "law"), entry((int) '罗', "law"),
      entry((int) '周', "chow"), entry((int) '邵', "shiu"), entry((int) '岑', "shum"), entry((int) '沈', "shum"),
      entry((int) '曹', "tso"), entry((int) '車', "che"), entry((int) '车', "che"), entry((int) '顧', "koo"),
      entry((int) '顾', "koo"), entry((int) '傅', "foo"), entry((int) '單', "shin"), entry((int) '单', "shin"),
      entry((int) '柯', "or"));

  /**
   * Given-name characters Hong Kong spells otherwise than their syllable's rule: zi is chi (志, 智, 芝) but tsz in
   * these.
   */
  private static final Map<Integer, String> GIVEN = Map.ofEntries(
      entry((int) '子', "tsz"), entry((int) '紫', "tsz"), entry((int) '梓', "tsz"), entry((int) '芷', "tsz"),
      entry((int) '慈', "tsz"), entry((int) '詞', "tsz"), entry((int) '词', "tsz"));

  private Cantonese() {
  }

  /** The Hong Kong spelling of {@code cp} (a family name's first character where {@code surname}); null if none. */
  static String read(int cp, boolean surname) {
    String special = surname ? SURNAMES.get(cp) : GIVEN.get(cp);
    if (special != null) return special;
    String[] block = Table.BLOCKS.get(cp / BLOCK);
    return block == null ? null : block[cp % BLOCK];
  }

  /** Loads the table now rather than on the first hanzi a record brings. */
  static void load() {
    Table.BLOCKS.size();
  }

  /**
   * One Jyutping syllable without its tone (can, daai, zoeng) as Hong Kong spells it (chan, tai, cheung); the text
   * itself where it is no syllable.
   */
  static String spell(String jyutping) {
    if (jyutping.isEmpty() || jyutping.equals("m") || jyutping.equals("ng") || jyutping.equals("hm")
        || jyutping.equals("hng")) {
      return jyutping;
    }
    String initial = initial(jyutping);
    String fin = jyutping.substring(initial.length());
    if (fin.isEmpty()) return jyutping;
    if (initial.equals("w") && fin.equals("aa")) return "wah";
    // 詩, 思, 施: si is written sze (zi and ci as chi, by the rules below); 兒, 怡, 儀: ji is written yee
    if (initial.equals("s") && fin.equals("i")) return "sze";
    if (initial.equals("j") && fin.equals("i")) return "yee";
    String spelledFinal = spellFinal(fin, !initial.isEmpty() && !initial.equals("j"));
    return spellInitial(initial, fin) + spelledFinal;
  }

  private static String initial(String s) {
    for (String two : new String[] {"gw", "kw", "ng"}) {
      // ng is an initial only before a vowel (ngaan); alone it is a syllable
      if (s.startsWith(two) && s.length() > 2) return two;
    }
    char c = s.charAt(0);
    return "bpmfdtnlgkhwzcsj".indexOf(c) >= 0 ? String.valueOf(c) : "";
  }

  private static String spellInitial(String initial, String fin) {
    return switch (initial) {
      case "b", "p" -> "p";
      case "d", "t" -> "t";
      case "g", "k" -> "k";
      case "gw", "kw" -> "kw";
      case "j" -> fin.startsWith("y") ? "" : "y";
      case "z", "c" -> fin.equals("e") || fin.equals("ang") || fin.equals("eoi") ? "ts" : "ch";
      case "s" -> fin.startsWith("e") && !fin.equals("ei") || fin.startsWith("oe") || fin.equals("yu")
          || fin.equals("uk") || fin.equals("ing") ? "sh" : "s";
      default -> initial;
    };
  }

  /** {@code afterConsonant}: yu, yun, yut lose their y (chu, suen, tuen); after j or alone they keep it (yu, yuen). */
  private static String spellFinal(String fin, boolean afterConsonant) {
    String spelled = switch (fin) {
      case "aa" -> "a";
      case "ou" -> "o";
      case "un" -> "oon";
      case "ut" -> "oot";
      case "oe" -> "eu";
      case "eoi" -> "ui";
      case "eon" -> "un";
      case "eot" -> "ut";
      case "yu" -> "yu";
      case "yun" -> "yuen";
      case "yut" -> "yuet";
      default -> fin.startsWith("aa") ? fin.substring(1) : fin.startsWith("oe") ? "eu" + fin.substring(2) : fin;
    };
    return afterConsonant && spelled.startsWith("y") ? spelled.substring(1) : spelled;
  }

  /** The table, read once: a block of 64 readings (null where none) for every 64 code points holding one. */
  private static final class Table {
    static final Map<Integer, String[]> BLOCKS = read();

    private static Map<Integer, String[]> read() {
      Map<Integer, String[]> blocks = new HashMap<>(2048);
      Map<String, String> spelled = new HashMap<>(1024);
      try (InputStream in = Cantonese.class.getResourceAsStream(TABLE)) {
        if (in == null) throw new IllegalStateException("missing resource " + TABLE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
          if (line.isEmpty() || line.startsWith("#")) continue;
          String[] parts = line.split(" ");
          int start = Integer.parseInt(parts[0], 16);
          String[] block = new String[BLOCK];
          for (int i = 0; i < BLOCK && i + 1 < parts.length; i++) {
            if (!parts[i + 1].equals("-")) block[i] = spelled.computeIfAbsent(parts[i + 1], Cantonese::spell);
          }
          blocks.put(start / BLOCK, block);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return blocks;
    }
  }
}
