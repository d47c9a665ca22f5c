package io.customerhub.resolve.standardize;

import java.util.HashMap;
import java.util.Map;

/**
 * The commonest Japanese family names in kanji and as passports spell them (佐藤 sato, 渡辺 watanabe, 長谷川
 * hasegawa): kanji say nothing of how a Japanese name is read, and read as Mandarin (shantian for 山田) they meet no
 * Latin record. A record in kanji without its furigana ({@link Furigana}) is compared against Latin records with its
 * family name read from here, and its given name only where {@link JapaneseGivenNames} knows it: kanji alone seldom
 * tell (翔 is Sho, Kakeru or Tobu). About 290 names, the most borne, each with its commonest reading; thousands more
 * share the rest.
 */
final class JapaneseSurnames {

  private static final Map<String, String> READINGS = table(
      "佐藤 sato 鈴木 suzuki 高橋 takahashi 田中 tanaka 伊藤 ito 渡辺 watanabe 渡邊 watanabe 渡邉 watanabe 山本 yamamoto "
          + "中村 nakamura 小林 kobayashi 加藤 kato 吉田 yoshida 山田 yamada 佐々木 sasaki 山口 yamaguchi 松本 matsumoto "
          + "井上 inoue 木村 kimura 林 hayashi 斎藤 saito 斉藤 saito 齋藤 saito 齊藤 saito 清水 shimizu 山崎 yamazaki "
          + "森 mori 池田 ikeda 橋本 hashimoto 阿部 abe 石川 ishikawa 山下 yamashita 中島 nakajima 石井 ishii 小川 ogawa "
          + "前田 maeda 岡田 okada 長谷川 hasegawa 藤田 fujita 後藤 goto 近藤 kondo 村上 murakami 遠藤 endo 青木 aoki "
          + "坂本 sakamoto 福田 fukuda 太田 ota 西村 nishimura 藤井 fujii 金子 kaneko 岡本 okamoto 藤原 fujiwara "
          + "中野 nakano 三浦 miura 原田 harada 中川 nakagawa 松田 matsuda 竹内 takeuchi 小野 ono 田村 tamura "
          + "中山 nakayama 和田 wada 石田 ishida 森田 morita 上田 ueda 原 hara 内田 uchida 柴田 shibata 酒井 sakai "
          + "宮崎 miyazaki 横山 yokoyama 高木 takagi 安藤 ando 宮本 miyamoto 大野 ono 小島 kojima 谷口 taniguchi "
          + "今井 imai 工藤 kudo 高田 takada 増田 masuda 丸山 maruyama 杉山 sugiyama 村田 murata 大塚 otsuka "
          + "新井 arai 小山 koyama 平野 hirano 藤本 fujimoto 河野 kono 上野 ueno 野口 noguchi 武田 takeda "
          + "松井 matsui 千葉 chiba 岩崎 iwasaki 菅原 sugawara 木下 kinoshita 久保 kubo 佐野 sano 野村 nomura "
          + "松尾 matsuo 市川 ichikawa 菊地 kikuchi 菊池 kikuchi 杉本 sugimoto 古川 furukawa 大西 onishi "
          + "島田 shimada 水野 mizuno 桜井 sakurai 櫻井 sakurai 高野 takano 渡部 watanabe 吉川 yoshikawa "
          + "山内 yamauchi 西田 nishida 飯田 iida 菅野 sugano 永井 nagai 服部 hattori 秋山 akiyama 中田 nakata "
          + "本田 honda 北村 kitamura 五十嵐 igarashi 小松 komatsu 福島 fukushima 西川 nishikawa 岩田 iwata "
          + "安田 yasuda 中西 nakanishi 川口 kawaguchi 田口 taguchi 土屋 tsuchiya 大橋 ohashi 松岡 matsuoka "
          + "荒木 araki 辻 tsuji 浅野 asano 川村 kawamura 星野 hoshino 大久保 okubo 松下 matsushita 堀 hori "
          + "関 seki 小池 koike 宮田 miyata 熊谷 kumagai 望月 mochizuki 吉村 yoshimura 片山 katayama 大石 oishi "
          + "平田 hirata 野田 noda 早川 hayakawa 小西 konishi 沢田 sawada 澤田 sawada 岩本 iwamoto 松村 matsumura "
          + "川上 kawakami 本間 homma 山中 yamanaka 上原 uehara 須藤 sudo 吉岡 yoshioka 西山 nishiyama "
          + "松浦 matsuura 関口 sekiguchi 飯島 iijima 岡崎 okazaki 田辺 tanabe 中谷 nakatani 大谷 otani "
          + "根本 nemoto 宇野 uno 堀田 hotta 栗原 kurihara 野崎 nozaki 坂口 sakaguchi 白石 shiraishi "
          + "高山 takayama 杉浦 sugiura 黒田 kuroda 大島 oshima 今村 imamura 小泉 koizumi 岡 oka 矢野 yano "
          + "森本 morimoto 山根 yamane 内藤 naito 吉野 yoshino 広瀬 hirose 廣瀬 hirose 平井 hirai 荒井 arai "
          + "小田 oda 西尾 nishio 三宅 miyake 小倉 ogura 松山 matsuyama 川崎 kawasaki 石原 ishihara 大川 okawa "
          + "岡村 okamura 桑原 kuwabara 篠原 shinohara 金井 kanai 野中 nonaka 大竹 otake 横田 yokota "
          + "浜田 hamada 濱田 hamada 小野寺 onodera 森下 morishita 竹本 takemoto 足立 adachi 成田 narita "
          + "奥村 okumura 田代 tashiro 川端 kawabata 田島 tajima 石塚 ishizuka 植田 ueda 米田 yoneda "
          + "北川 kitagawa 大森 omori 宮下 miyashita 竹中 takenaka 三上 mikami 中井 nakai 松原 matsubara "
          + "小沢 ozawa 小澤 ozawa 稲葉 inaba 榎本 enomoto 永田 nagata 長田 nagata 片岡 kataoka 梅田 umeda "
          + "伊東 ito 吉本 yoshimoto 村井 murai 森山 moriyama 高井 takai 坂田 sakata 松永 matsunaga "
          + "若林 wakabayashi 戸田 toda 細川 hosokawa 久保田 kubota 大山 oyama 福井 fukui 豊田 toyoda "
          + "川田 kawada 宮内 miyauchi 井口 iguchi 徳永 tokunaga 滝沢 takizawa 瀧澤 takizawa 古田 furuta "
          + "浅井 asai 関根 sekine 石黒 ishiguro 三木 miki 吉原 yoshihara 田上 tanoue 西野 nishino "
          + "宮川 miyagawa 小木曽 ogiso 野本 nomoto 緒方 ogata 松島 matsushima 大崎 osaki 岸 kishi 岸本 kishimoto "
          + "新田 nitta 岡部 okabe 宮原 miyahara 小笠原 ogasawara 田原 tahara 山岸 yamagishi 黒川 kurokawa "
          + "水谷 mizutani 宮城 miyagi 比嘉 higa 金城 kinjo 大城 oshiro");

  private JapaneseSurnames() {
  }

  /** A table of kanji and their readings, written {@code 佐藤 sato 鈴木 suzuki …}. */
  static Map<String, String> table(String pairs) {
    String[] words = pairs.split(" ");
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < words.length; i += 2) out.put(words[i], words[i + 1]);
    return Map.copyOf(out);
  }

  /** A Japanese name in kanji: its family name as passports spell it, and its given name as written (or null). */
  record Split(String family, String givenKanji) {
  }

  /**
   * The family name of a person written in kanji, as passports spell it (the family-name field where the table
   * knows it, else the longest known family name a whole name starts with: 山田太郎, 長谷川 美咲), and the given name
   * it leaves: the given-name field, else what follows the family name in the whole name (山田太郎 → 太郎); null where
   * no known family name is found.
   */
  static Split split(String family, String given, String fullName) {
    String f = family == null ? null : Latinizer.nfkc(family);
    String whole = fullName == null ? null : Latinizer.nfkc(fullName).strip();
    if (f != null && READINGS.containsKey(f)) {
      String rest = given != null ? given : whole != null && whole.startsWith(f) ? whole.substring(f.length()) : null;
      return new Split(READINGS.get(f), givenPart(rest));
    }
    if (whole == null || !Latinizer.containsHan(whole)) return null;
    String first = FamilyFirstNames.SEPARATORS.split(whole)[0];
    for (int chars = Math.min(3, first.codePointCount(0, first.length())); chars >= 1; chars--) {
      String prefix = first.substring(0, first.offsetByCodePoints(0, chars));
      boolean givenFollows = chars < first.codePointCount(0, first.length()) || !first.equals(whole);
      if (READINGS.containsKey(prefix) && givenFollows) {
        return new Split(READINGS.get(prefix), givenPart(given != null ? given : whole.substring(prefix.length())));
      }
    }
    return null;
  }

  private static String givenPart(String rest) {
    if (rest == null) return null;
    String g = FamilyFirstNames.SEPARATORS.matcher(Latinizer.nfkc(rest)).replaceAll("");
    return g.isEmpty() ? null : g;
  }
}
