package io.customerhub.resolve.standardize;

import java.util.Map;

/**
 * Common Japanese given names in kanji whose reading is, far more often than not, the one here (太郎 taro, 陽子 yoko,
 * 翔太 shota), spelled as passports spell them (Hepburn without long vowels). Names with several common readings
 * are left out (翔 sho or kakeru, 健 ken or takeshi, 大翔 hiroto or haruto): for them, as for every name not here,
 * kanji alone do not say how the name is read. A record in kanji without furigana is read with one of these besides
 * its family name ({@link JapaneseSurnames}), and also without it, so that a rarer reading of the same kanji costs
 * nothing against what the family name alone would give.
 */
final class JapaneseGivenNames {

  private static final Map<String, String> READINGS = JapaneseSurnames.table(
      // men
      "太郎 taro 次郎 jiro 一郎 ichiro 三郎 saburo 健太郎 kentaro 翔太 shota 健太 kenta 大輔 daisuke 拓也 takuya "
      + "直樹 naoki 和也 kazuya 達也 tatsuya 哲也 tetsuya 雄一 yuichi 健一 kenichi 誠 makoto 聡 satoshi 浩 hiroshi "
      + "博 hiroshi 洋 hiroshi 弘 hiroshi 隆 takashi 孝 takashi 崇 takashi 剛 tsuyoshi 修 osamu 茂 shigeru "
      + "勝 masaru 明 akira 亮 ryo 涼 ryo 正 tadashi 進 susumu 清 kiyoshi 勇 isamu 学 manabu 豊 yutaka 稔 minoru "
      + "透 toru 徹 toru 翼 tsubasa 蓮 ren 湊 minato 陸 riku 悠斗 yuto 陽翔 haruto 颯太 sota 悠真 yuma 大輝 daiki "
      + "大樹 daiki 健二 kenji 健司 kenji 浩二 koji 浩司 koji 幸一 koichi 秀樹 hideki 英樹 hideki 秀夫 hideo "
      + "英雄 hideo 正樹 masaki 雅人 masato 正人 masato 真司 shinji 慎二 shinji 信也 shinya 伸也 shinya "
      + "俊介 shunsuke 駿 shun 隼人 hayato 悠太 yuta 雄太 yuta 優太 yuta 直人 naoto 康弘 yasuhiro 和彦 kazuhiko "
      + "克也 katsuya 恭平 kyohei 航 wataru 渉 wataru 啓太 keita 慶太 keita 拓海 takumi 匠 takumi "
      + "龍之介 ryunosuke 瑛太 eita 智也 tomoya 友也 tomoya 祐介 yusuke 雄介 yusuke 裕介 yusuke 亮介 ryosuke "
      + "良太 ryota 亮太 ryota 武 takeshi 毅 takeshi "
      // women
      + "花子 hanako 陽子 yoko 洋子 yoko 恵子 keiko 幸子 sachiko 京子 kyoko 恭子 kyoko 裕子 yuko 優子 yuko "
      + "祐子 yuko 直美 naomi 由美 yumi 真由美 mayumi 明美 akemi 久美子 kumiko 智子 tomoko 友子 tomoko 美香 mika "
      + "愛 ai 舞 mai 麻衣 mai 彩 aya 美咲 misaki 結衣 yui 陽菜 hina 遥 haruka 由紀 yuki 明子 akiko "
      + "真理子 mariko 千尋 chihiro 美穂 miho 恵 megumi 愛子 aiko 和子 kazuko 節子 setsuko 道子 michiko "
      + "美智子 michiko 典子 noriko 紀子 noriko 順子 junko 純子 junko 裕美 hiromi 弘美 hiromi 真美 mami "
      + "麻美 asami 亜美 ami 香織 kaori 沙織 saori 詩織 shiori 七海 nanami 瑞希 mizuki 彩花 ayaka 綾香 ayaka "
      + "沙也加 sayaka 真央 mao 美紀 miki 早紀 saki 千夏 chinatsu 夏美 natsumi 理恵 rie 里美 satomi 聡子 satoko "
      + "由香 yuka 由佳 yuka 友美 tomomi 明日香 asuka 玲奈 rena 芽衣 mei 凛 rin 結菜 yuna 紬 tsumugi");

  private JapaneseGivenNames() {
  }

  /** The reading of a given name in kanji, or null where the table does not know it (or the kanji say too little). */
  static String reading(String given) {
    return given == null ? null : READINGS.get(Latinizer.nfkc(given).strip());
  }
}
