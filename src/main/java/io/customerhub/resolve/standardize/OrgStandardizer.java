package io.customerhub.resolve.standardize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Organization names without their legal form, so that "Acme Trading Co., Ltd." and "ACME TRADING LIMITED"
 * compare equal, and 北京科技有限公司, "Beijing Keji Youxian Gongsi" and "Beijing Keji Co., Ltd." all become
 * "beijing keji" (hanzi one syllable per token; comparators use the space-free form).
 */
final class OrgStandardizer {

  private static final Pattern WHITESPACE = Pattern.compile("\\s");

  /** Legal forms and group words, after dots are removed (S.A. → sa, Co.,Ltd. → co ltd). */
  private static final Set<String> LEGAL = Set.of("co", "company", "corp", "corporation", "inc", "incorporated",
      "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "sa", "sas",
      "sarl", "sasu", "srl", "spa", "sl", "slu", "bv", "nv", "vof", "ab", "asa", "oy", "oyj", "aps", "kk", "pte",
      "pty", "pvt", "bhd", "sdn", "tbk", "jsc", "ojsc", "pjsc", "ooo", "zao", "oao", "sro", "kft", "doo", "cv",
      "sapi", "ltda", "eireli", "gesellschaft", "societe", "sociedad", "societa", "group", "holding", "holdings", "gruppe", "groupe", "grupo", "intl", "international");
  /** The same in pinyin, compared against the concatenation of the last tokens (youxian gongsi). */
  private static final List<String> PINYIN_LEGAL = List.of("gufenyouxiangongsi", "youxianzerengongsi",
      "youxiangongsi", "gufengongsi", "jituan", "konggu", "gongsi", "zongongsi", "fengongsi");
  /** Han legal forms, longest first; removed before transliteration, at the end (or start, 株式会社). */
  private static final List<String> HAN_LEGAL = List.of("集团股份有限公司", "股份有限公司", "有限责任公司", "集团有限公司",
      "有限公司", "股份公司", "控股集团", "总公司", "分公司", "株式会社", "有限會社", "有限公司", "集团", "集團", "控股", "公司");

  /**
   * English words for the trade of a Chinese company, in their pinyin: "Beijing Haiyi Technology" and 北京海一科技
   * (bei jing hai yi ke ji) then compare equal without their spaces.
   */
  private static final Map<String, String> TRADE = Map.ofEntries(Map.entry("technology", "keji"),
      Map.entry("technologies", "keji"), Map.entry("tech", "keji"), Map.entry("logistics", "wuliu"),
      Map.entry("electronics", "dianzi"), Map.entry("electronic", "dianzi"), Map.entry("machinery", "jixie"),
      Map.entry("trading", "maoyi"), Map.entry("trade", "maoyi"), Map.entry("catering", "canyin"),
      Map.entry("software", "ruanjian"), Map.entry("network", "wangluo"), Map.entry("consulting", "zixun"),
      Map.entry("investment", "touzi"), Map.entry("construction", "jianshe"), Map.entry("pharmaceutical", "yiyao"),
      Map.entry("pharmaceuticals", "yiyao"), Map.entry("pharma", "yiyao"),
      Map.entry("food", "shipin"), Map.entry("foods", "shipin"), Map.entry("chemical", "huagong"),
      Map.entry("energy", "nengyuan"), Map.entry("new", "xin"), Map.entry("information", "xinxi"),
      Map.entry("industrial", "shiye"), Map.entry("industry", "shiye"), Map.entry("textile", "fangzhi"),
      Map.entry("garment", "fuzhuang"), Map.entry("apparel", "fuzhuang"), Map.entry("automotive", "qiche"),
      Map.entry("auto", "qiche"), Map.entry("media", "chuanmei"), Map.entry("advertising", "guanggao"),
      Map.entry("biotechnology", "shengwukeji"), Map.entry("environmental", "huanbao"), Map.entry("steel", "gangtie"),
      Map.entry("education", "jiaoyu"), Map.entry("culture", "wenhua"), Map.entry("medical", "yiliao"),
      Map.entry("realestate", "fangdichan"), Map.entry("engineering", "gongcheng"), Map.entry("materials", "cailiao"));

  /** Cities that Chinese company names often start with, and often drop (北京海一科技 / 海一科技). */
  private static final List<String> CITIES = List.of("beijing", "shanghai", "guangzhou", "shenzhen", "tianjin",
      "chongqing", "hangzhou", "nanjing", "wuhan", "chengdu", "xian", "suzhou", "changsha", "qingdao", "dalian",
      "xiamen", "ningbo", "zhengzhou", "jinan", "shenyang", "haerbin", "kunming", "hefei", "fuzhou", "dongguan",
      "foshan", "wuxi", "changchun", "shijiazhuang", "taiyuan", "nanning", "nanchang", "guiyang", "lanzhou",
      "zhuhai", "xianggang", "hongkong", "aomen", "taibei",
      // ICU reads 都 as dou and 重 as zhong outside these names
      "chengdou", "zhongqing");

  /** The space-free name without a leading city, or the name itself: "beijinghaiyikeji" → "haiyikeji". */
  static String core(String compact) {
    if (compact == null) return null;
    for (String c : CITIES) {
      if (compact.length() >= c.length() + 6 && compact.startsWith(c)) return compact.substring(c.length());
    }
    return compact;
  }

  String organization(String name) {
    String n = Latinizer.nfkc(name);
    if (n == null) return null;
    if (Latinizer.containsHan(n)) n = stripHan(n);
    List<String> toks = new ArrayList<>(Latinizer.tokens(Latinizer.latin(n.replace(".", ""))));
    if (!toks.isEmpty() && toks.get(0).equals("the") && toks.size() > 1) toks.remove(0);
    stripTrailing(toks);
    for (int i = 0; i + 1 < toks.size(); i++) {
      // 信息技术 is "information technology"; technology alone is 科技
      if (toks.get(i).equals("information") && toks.get(i + 1).startsWith("technolog")) toks.set(i + 1, "jishu");
    }
    toks.replaceAll(t -> TRADE.getOrDefault(t, t));
    return Latinizer.join(toks);
  }

  private static String stripHan(String n) {
    String s = WHITESPACE.matcher(n).replaceAll("");
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String f : HAN_LEGAL) {
        if (s.length() > f.length() && s.endsWith(f)) {
          s = s.substring(0, s.length() - f.length());
          changed = true;
        } else if (s.length() > f.length() && s.startsWith(f)) {
          s = s.substring(f.length());
          changed = true;
        }
      }
      while (s.endsWith(")") && s.contains("(") && s.lastIndexOf('(') > 0) {
        s = s.substring(0, s.lastIndexOf('('));
        changed = true;
      }
    }
    return s;
  }

  /**
   * Removes legal-form tokens from the end, longest pinyin form first (youxian gongsi before gongsi); keeps
   * at least one token so that a company called "Limited" keeps its name.
   */
  private static void stripTrailing(List<String> toks) {
    while (toks.size() > 1) {
      String last = toks.get(toks.size() - 1);
      if (LEGAL.contains(last)) {
        toks.remove(toks.size() - 1);
      } else if (!stripPinyinTail(toks)) {
        return;
      }
    }
  }

  private static boolean stripPinyinTail(List<String> toks) {
    for (int k = Math.min(4, toks.size() - 1); k >= 1; k--) {
      String tail = String.join("", toks.subList(toks.size() - k, toks.size()));
      if (PINYIN_LEGAL.contains(tail)) {
        toks.subList(toks.size() - k, toks.size()).clear();
        return true;
      }
    }
    String last = toks.get(toks.size() - 1);
    for (String p : PINYIN_LEGAL) {
      if (last.length() > p.length() && last.endsWith(p)) {
        toks.set(toks.size() - 1, last.substring(0, last.length() - p.length()));
        return true;
      }
    }
    return false;
  }
}
