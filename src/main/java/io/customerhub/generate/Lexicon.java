package io.customerhub.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference data for realistic names, places and companies. Frequencies follow published surname statistics
 * roughly (Wang, Li, Zhang, Liu, Chen cover about a third of China; Smith, Johnson, Williams lead in English),
 * so that distinct people share names as often as they do in real customer bases.
 */
final class Lexicon {

  private Lexicon() {
  }

  /**
   * A name or word in Chinese characters (kanji for Japanese) with its romanization as its bearers write it: Hanyu
   * Pinyin in mainland China, the Hong Kong Government's Cantonese spelling, Taiwan's Wade-Giles, Hepburn without
   * long vowels for Japanese (no tone marks, as systems store it); and, for Japanese, its reading in katakana (the
   * furigana Japanese records keep beside the name), else null.
   */
  record Han(String hanzi, String latin, String kana) {
    Han(String hanzi, String latin) {
      this(hanzi, latin, null);
    }
  }

  record GivenName(String name, boolean female, List<String> nicknames) {
  }

  record ChinaCity(String city, String cityHanzi, String region, String regionHanzi, String postPrefix,
                   List<String> areaCodes, String phoneArea) {
  }

  record ForeignCity(String city, String region, String country, String postcodePattern, String phoneCc,
                     String phoneArea, String streetStyle) {
  }

  /** A foreign family of names: given names by sex, surnames, whether the family name is written first. */
  record NameOrigin(String code, List<String> maleGiven, List<String> femaleGiven, Weighted<String> surnames,
                    boolean familyFirst, List<String> homeCountries) {
  }

  record Industry(Han han, String english) {
  }

  /**
   * A family of names written in Chinese characters outside mainland China: surnames and given names with the
   * romanization their bearers use, and the countries they live in besides China.
   */
  record HanOrigin(String code, Weighted<Han> surnames, Weighted<Han> maleGiven, Weighted<Han> femaleGiven,
                   List<String> homeCountries) {
  }

  // ---- Chinese names -------------------------------------------------------------------------------------

  static final Weighted<Han> CN_SURNAMES = weightedHan(
      "王 Wang 7.1|李 Li 7.2|张 Zhang 6.8|刘 Liu 5.4|陈 Chen 4.5|杨 Yang 3.1|黄 Huang 2.2|赵 Zhao 2.3|吴 Wu 2.1|"
      + "周 Zhou 1.9|徐 Xu 1.5|孙 Sun 1.4|马 Ma 1.3|朱 Zhu 1.3|胡 Hu 1.2|郭 Guo 1.1|何 He 1.1|高 Gao 1.0|林 Lin 1.0|"
      + "罗 Luo 0.9|郑 Zheng 0.8|梁 Liang 0.8|谢 Xie 0.6|宋 Song 0.6|唐 Tang 0.6|许 Xu 0.6|韩 Han 0.55|冯 Feng 0.53|"
      + "邓 Deng 0.53|曹 Cao 0.5|彭 Peng 0.49|曾 Zeng 0.48|肖 Xiao 0.47|田 Tian 0.45|董 Dong 0.44|袁 Yuan 0.42|"
      + "潘 Pan 0.41|于 Yu 0.4|蒋 Jiang 0.39|蔡 Cai 0.38|余 Yu 0.37|杜 Du 0.36|叶 Ye 0.35|程 Cheng 0.34|苏 Su 0.33|"
      + "魏 Wei 0.32|吕 Lyu 0.31|丁 Ding 0.3|任 Ren 0.3|沈 Shen 0.29|姚 Yao 0.28|卢 Lu 0.28|姜 Jiang 0.27|崔 Cui 0.26|"
      + "钟 Zhong 0.25|谭 Tan 0.25|陆 Lu 0.24|汪 Wang 0.24|范 Fan 0.23|金 Jin 0.22|石 Shi 0.22|廖 Liao 0.21|"
      + "贾 Jia 0.2|夏 Xia 0.2|韦 Wei 0.2|付 Fu 0.2|方 Fang 0.2|白 Bai 0.19|邹 Zou 0.19|孟 Meng 0.18|熊 Xiong 0.17|"
      + "秦 Qin 0.17|邱 Qiu 0.17|江 Jiang 0.17|尹 Yin 0.16|薛 Xue 0.16|闫 Yan 0.15|段 Duan 0.15|雷 Lei 0.15|"
      + "侯 Hou 0.15|龙 Long 0.14|史 Shi 0.14|欧阳 Ouyang 0.03|司马 Sima 0.01|诸葛 Zhuge 0.01|上官 Shangguan 0.01");

  static final Weighted<Han> CN_MALE_GIVEN = Weighted.zipf(hanList(
      "伟 Wei|强 Qiang|磊 Lei|军 Jun|洋 Yang|勇 Yong|杰 Jie|涛 Tao|明 Ming|超 Chao|刚 Gang|平 Ping|辉 Hui|鹏 Peng|"
      + "华 Hua|飞 Fei|鑫 Xin|波 Bo|斌 Bin|宇 Yu|浩 Hao|凯 Kai|健 Jian|俊 Jun|帆 Fan|建华 Jianhua|建国 Jianguo|"
      + "志强 Zhiqiang|晓东 Xiaodong|子轩 Zixuan|浩然 Haoran|宇轩 Yuxuan|俊杰 Junjie|文博 Wenbo|海涛 Haitao|"
      + "国强 Guoqiang|志明 Zhiming|永刚 Yonggang|晨阳 Chenyang|博文 Bowen"), 0.8);

  static final Weighted<Han> CN_FEMALE_GIVEN = Weighted.zipf(hanList(
      "芳 Fang|娜 Na|敏 Min|静 Jing|丽 Li|艳 Yan|娟 Juan|霞 Xia|秀英 Xiuying|桂英 Guiying|玲 Ling|婷 Ting|雪 Xue|"
      + "慧 Hui|莹 Ying|晶 Jing|红 Hong|燕 Yan|琳 Lin|欣怡 Xinyi|梓涵 Zihan|雨桐 Yutong|思雨 Siyu|佳怡 Jiayi|"
      + "晓燕 Xiaoyan|丽娟 Lijuan|秀兰 Xiulan|淑珍 Shuzhen|美玲 Meiling|海燕 Haiyan|雅婷 Yating|诗涵 Shihan"), 0.8);

  // ---- names in Chinese characters outside mainland China -----------------------------------------------------

  /** Hong Kong (Cantonese, as HKID cards spell it), Taiwan (Wade-Giles, as its passports do) and Japan (kanji). */
  static final List<HanOrigin> HAN_ORIGINS = List.of(
      new HanOrigin("HK", weightedHan(
          "陳 Chan 10|黃 Wong 6|李 Lee 5.5|張 Cheung 4.5|梁 Leung 4|劉 Lau 3.5|林 Lam 3|何 Ho 3|吳 Ng 2.5|王 Wong 2.5|"
          + "鄭 Cheng 2|楊 Yeung 2|麥 Mak 1.5|馮 Fung 1.5|葉 Yip 1.5|郭 Kwok 1.2|蔡 Choi 1.2|周 Chow 1.2|曾 Tsang 1.2|"
          + "盧 Lo 1|羅 Law 1|謝 Tse 1|鄧 Tang 1|徐 Tsui 0.8|許 Hui 0.8|蕭 Siu 0.7|朱 Chu 0.8|胡 Wu 0.7|關 Kwan 0.6|"
          + "區 Au 0.5"),
          Weighted.zipf(hanList("大文 Tai Man|志明 Chi Ming|家豪 Ka Ho|偉強 Wai Keung|俊傑 Chun Kit|國華 Kwok Wah|"
              + "子聰 Tsz Chung|浩然 Ho Yin|嘉俊 Ka Chun|建華 Kin Wah|永康 Wing Hong|家明 Ka Ming"), 0.6),
          Weighted.zipf(hanList("美玲 Mei Ling|嘉欣 Ka Yan|詠詩 Wing Sze|家怡 Ka Yee|淑儀 Suk Yee|麗華 Lai Wah|"
              + "慧敏 Wai Man|穎琳 Wing Lam|曉彤 Hiu Tung|雅婷 Nga Ting|思穎 Sze Wing|寶兒 Po Yee"), 0.6),
          List.of("GB", "US")),
      new HanOrigin("TW", weightedHan(
          "陳 Chen 11|林 Lin 8|黃 Huang 6|張 Chang 5.3|李 Lee 5|王 Wang 4|吳 Wu 4|劉 Liu 3.2|蔡 Tsai 2.9|楊 Yang 2.6|"
          + "許 Hsu 2.3|鄭 Cheng 1.9|謝 Hsieh 1.9|郭 Kuo 1.7|洪 Hung 1.6|曾 Tseng 1.4|邱 Chiu 1.4|廖 Liao 1.3|賴 Lai 1.3|"
          + "周 Chou 1.3|徐 Hsu 1.2|蘇 Su 1.1|葉 Yeh 1.1|莊 Chuang 1|呂 Lu 1|江 Chiang 0.9|何 Ho 0.9|蕭 Hsiao 0.9|"
          + "羅 Lo 0.8|高 Kao 0.8"),
          Weighted.zipf(hanList("志明 Chih-ming|家豪 Chia-hao|建宏 Chien-hung|俊傑 Chun-chieh|冠宇 Kuan-yu|"
              + "宗翰 Tsung-han|承恩 Cheng-en|彥廷 Yen-ting|柏翰 Po-han|家瑋 Chia-wei|登輝 Teng-hui|文雄 Wen-hsiung"), 0.6),
          Weighted.zipf(hanList("淑芬 Shu-fen|美玲 Mei-ling|雅婷 Ya-ting|怡君 Yi-chun|佳穎 Chia-ying|詩涵 Shih-han|"
              + "欣怡 Hsin-yi|宜蓁 Yi-chen|雅雯 Ya-wen|惠美 Hui-mei|秀英 Hsiu-ying|佩君 Pei-chun"), 0.6),
          List.of("US")),
      new HanOrigin("JP", weightedKanji(
          "佐藤 サトウ Sato 1|鈴木 スズキ Suzuki 0.95|高橋 タカハシ Takahashi 0.9|田中 タナカ Tanaka 0.85|"
          + "渡辺 ワタナベ Watanabe 0.8|伊藤 イトウ Ito 0.75|山本 ヤマモト Yamamoto 0.7|中村 ナカムラ Nakamura 0.68|"
          + "小林 コバヤシ Kobayashi 0.65|加藤 カトウ Kato 0.55|吉田 ヨシダ Yoshida 0.54|山田 ヤマダ Yamada 0.5"),
          Weighted.zipf(kanjiList("浩 ヒロシ Hiroshi|隆 タカシ Takashi|健二 ケンジ Kenji|悠斗 ユウト Yuto|"
              + "陽翔 ハルト Haruto|大輝 ダイキ Daiki|太郎 タロウ Taro|翔太 ショウタ Shota"), 0.6),
          Weighted.zipf(kanjiList("由紀 ユキ Yuki|明子 アキコ Akiko|さくら サクラ Sakura|結衣 ユイ Yui|遥 ハルカ Haruka|"
              + "葵 アオイ Aoi|花子 ハナコ Hanako|陽子 ヨウコ Yoko"), 0.6),
          List.of("US")));

  // ---- Western names -------------------------------------------------------------------------------------

  static final List<GivenName> WESTERN_GIVEN = givenNames(
      "m Robert Bob,Rob,Bobby|m William Bill,Will,Billy|f Elizabeth Liz,Beth,Betty,Eliza|m James Jim,Jimmy|"
      + "m John Jack,Johnny|m Michael Mike,Mick|m Richard Rick,Dick,Rich|m Thomas Tom,Tommy|m Joseph Joe,Joey|"
      + "m Charles Charlie,Chuck|m Christopher Chris,Kit|m Daniel Dan,Danny|m Matthew Matt|m Anthony Tony|"
      + "m Steven Steve|m Andrew Andy,Drew|m Edward Ed,Ted,Eddie|f Margaret Maggie,Peggy,Meg|f Katherine Kate,Kathy,Katie|"
      + "f Jennifer Jen,Jenny|f Patricia Pat,Patty,Trish|f Susan Sue,Susie|f Deborah Debbie,Deb|f Rebecca Becky|"
      + "m Alexander Alex,Sasha|m Benjamin Ben,Benny|m Nicholas Nick|m Samuel Sam|m Jonathan Jon|f Victoria Vicky,Tori|"
      + "f Christine Chris,Chrissy|f Alexandra Alex,Sandra|f Jessica Jess,Jessie|f Stephanie Steph|m Timothy Tim|"
      + "m David Dave|m Peter Pete|m Frederick Fred,Freddie|m Henry Harry,Hank|f Mary -|f Linda -|f Sarah -|f Emma -|"
      + "f Olivia -|f Laura -|f Anna -|m Paul -|m Mark -|m George -|m Hans -|m Klaus -|m Stefan -|m Pierre -|"
      + "f Marie -|f Sophie -|m Lukas -|f Giulia -|m Marco -|f Julia -|m Lucas -|f Charlotte Lottie|f Amanda Mandy");

  static final Weighted<String> WESTERN_SURNAMES = weighted(
      "Smith 1.0|Johnson 0.81|Williams 0.69|Brown 0.62|Jones 0.62|Miller 0.52|Davis 0.48|Wilson 0.35|Taylor 0.34|"
      + "Anderson 0.33|Thomas 0.33|Moore 0.31|Martin 0.3|Jackson 0.3|White 0.29|Harris 0.28|Clark 0.25|Lewis 0.24|"
      + "Walker 0.23|Hall 0.2|Müller 0.3|Schmidt 0.25|Schneider 0.18|Fischer 0.16|Weber 0.14|Meyer 0.14|Wagner 0.13|"
      + "Dubois 0.12|Bernard 0.12|Rossi 0.12|Russo 0.1|Jansen 0.1|de Jong 0.09|O'Brien 0.09|Murphy 0.12|"
      + "Kowalski 0.08|Nowak 0.09|MacDonald 0.07|Fitzgerald 0.06|Van der Berg 0.05");

  static final List<NameOrigin> OTHER_ORIGINS = List.of(
      new NameOrigin("IN", split("Rahul|Amit|Arjun|Vikram|Sanjay|Ravi"), split("Priya|Anjali|Deepa|Neha|Pooja|Kavya"),
          weighted("Sharma 1|Patel 1|Singh 0.9|Kumar 0.9|Gupta 0.6|Reddy 0.4|Iyer 0.3"), false, List.of("US", "GB")),
      new NameOrigin("VN", split("Văn An|Văn Hùng|Minh Tuấn|Quốc Bảo|Đức Anh|Hoàng Long|Văn Nam|Thành Công"),
          split("Thị Hoa|Thị Lan|Thị Mai|Ngọc Anh|Thu Trang|Thị Hương|Minh Châu|Phương Linh"),
          weighted("Nguyễn 3.8|Trần 1.1|Lê 0.95|Phạm 0.7|Hoàng 0.5|Huỳnh 0.5|Phan 0.45|Vũ 0.39|Võ 0.39|Đặng 0.21|"
              + "Bùi 0.2|Đỗ 0.14|Hồ 0.13|Ngô 0.13|Dương 0.1|Lý 0.05"), true, List.of("US", "FR")),
      new NameOrigin("KR", split("Min-jun|Ji-hoon|Seo-jun|Hyun-woo|Dong-hyun"), split("Seo-yeon|Ji-woo|Min-seo|Ha-eun|Su-bin"),
          weighted("Kim 1|Lee 0.7|Park 0.4|Choi 0.22|Jung 0.2|Kang 0.12"), true, List.of("US")),
      new NameOrigin("ES", split("Carlos|José|Luis|Javier|Miguel|Alejandro"), split("María|Lucía|Carmen|Ana|Sofía|Isabel"),
          weighted("García 1|Rodríguez 0.9|Martínez 0.8|López 0.8|González 0.75|Hernández 0.6|Pérez 0.5"), false,
          List.of("US", "FR")),
      new NameOrigin("RU", split("Ivan|Dmitry|Sergei|Alexei|Nikolai"), split("Olga|Natalia|Elena|Tatiana|Irina"),
          weighted("Ivanov 1|Smirnov 0.8|Kuznetsov 0.6|Popov 0.5|Petrov 0.5|Volkov 0.4"), false, List.of("DE", "US")));

  /** Nickname (lower case) → formal name, for tests and evaluations that need to recognise a nickname. */
  static final Map<String, String> NICKNAME_TO_FORMAL = nicknameIndex();

  // ---- places --------------------------------------------------------------------------------------------

  static final Weighted<ChinaCity> CN_CITIES = new Weighted.Builder<ChinaCity>()
      .add(cn("Beijing 北京市 BJ 北京市 100 010 110101,110102,110105,110108"), 10)
      .add(cn("Shanghai 上海市 SH 上海市 200 021 310101,310104,310105,310115"), 10)
      .add(cn("Guangzhou 广州市 GD 广东省 510 020 440103,440104,440106"), 6)
      .add(cn("Shenzhen 深圳市 GD 广东省 518 0755 440303,440304,440305"), 6)
      .add(cn("Hangzhou 杭州市 ZJ 浙江省 310 0571 330102,330105,330106"), 4)
      .add(cn("Chengdu 成都市 SC 四川省 610 028 510104,510105,510107"), 4)
      .add(cn("Nanjing 南京市 JS 江苏省 210 025 320102,320104,320106"), 3)
      .add(cn("Wuhan 武汉市 HB 湖北省 430 027 420102,420103,420106"), 3)
      .add(cn("Xi'an 西安市 SN 陕西省 710 029 610102,610103,610113"), 2.5)
      .add(cn("Tianjin 天津市 TJ 天津市 300 022 120101,120102,120103"), 2.5)
      .add(cn("Chongqing 重庆市 CQ 重庆市 400 023 500101,500103,500105"), 3)
      .add(cn("Suzhou 苏州市 JS 江苏省 215 0512 320505,320506,320508"), 2)
      .build();

  static final Map<String, List<ForeignCity>> FOREIGN_CITIES = foreignCities();

  static final Weighted<Han> CN_STREETS = Weighted.zipf(hanList(
      "人民路 Renmin Rd|中山路 Zhongshan Rd|解放路 Jiefang Rd|建国路 Jianguo Rd|和平路 Heping Rd|新华路 Xinhua Rd|"
      + "长安街 Chang'an Ave|南京路 Nanjing Rd|淮海路 Huaihai Rd|文化路 Wenhua Rd|东风路 Dongfeng Rd|北京路 Beijing Rd|"
      + "延安路 Yan'an Rd|朝阳路 Chaoyang Rd|学院路 Xueyuan Rd|工业路 Gongye Rd|滨江大道 Binjiang Ave|"
      + "中关村大街 Zhongguancun St|深南大道 Shennan Ave|天河路 Tianhe Rd|科技路 Keji Rd|世纪大道 Shiji Ave"), 0.6);

  static final List<String> EN_STREETS = split(
      "Main St|Oak Ave|Maple St|Park Rd|Elm St|Washington Ave|Lake Dr|Cedar Ln|Hill Rd|Pine St|Church St|Market St");
  static final List<String> UK_STREETS = split(
      "High Street|Station Road|Church Lane|Victoria Road|Green Lane|Manor Road|Park Avenue|Mill Lane");
  static final List<String> DE_STREETS = split(
      "Hauptstraße|Bahnhofstraße|Schulstraße|Gartenstraße|Dorfstraße|Bergstraße|Lindenstraße|Kirchweg");
  static final List<String> FR_STREETS = split(
      "Rue de la Paix|Rue de Rivoli|Avenue Victor Hugo|Rue du Commerce|Boulevard Voltaire|Rue Lafayette");

  // ---- organizations -------------------------------------------------------------------------------------

  /** Syllables for invented trade names; two of them make a brand such as 华信 (Huaxin). */
  static final Weighted<Han> BRAND_SYLLABLES = Weighted.zipf(hanList(
      "华 Hua|信 Xin|恒 Heng|通 Tong|金 Jin|鼎 Ding|宏 Hong|达 Da|瑞 Rui|丰 Feng|天 Tian|成 Cheng|中 Zhong|科 Ke|"
      + "新 Xin|元 Yuan|东 Dong|方 Fang|长 Chang|城 Cheng|永 Yong|泰 Tai|鑫 Xin|源 Yuan|博 Bo|远 Yuan|和 He|嘉 Jia|"
      + "禾 He|盛 Sheng|联 Lian|创 Chuang|明 Ming|德 De|海 Hai|润 Run|星 Xing|辰 Chen|卓 Zhuo|越 Yue|启 Qi|航 Hang|"
      + "安 An|汇 Hui|万 Wan|隆 Long|兴 Xing|亿 Yi"), 0.5);

  static final List<Industry> INDUSTRIES = List.of(
      industry("科技 Keji", "Technology"), industry("贸易 Maoyi", "Trading"), industry("物流 Wuliu", "Logistics"),
      industry("电子 Dianzi", "Electronics"), industry("建设 Jianshe", "Construction"),
      industry("实业 Shiye", "Industrial"), industry("餐饮 Canyin", "Catering"), industry("医药 Yiyao", "Pharmaceutical"),
      industry("信息技术 Xinxi Jishu", "Information Technology"), industry("文化传媒 Wenhua Chuanmei", "Culture Media"),
      industry("食品 Shipin", "Food"), industry("机械 Jixie", "Machinery"), industry("投资 Touzi", "Investment"),
      industry("咨询 Zixun", "Consulting"), industry("服装 Fuzhuang", "Apparel"), industry("新能源 Xin Nengyuan", "New Energy"));

  static final Weighted<Industry> INDUSTRY_PICK = Weighted.zipf(INDUSTRIES, 0.7);

  /** Chinese legal forms with their usual English rendering. */
  static final Weighted<Han> CN_LEGAL_FORMS = new Weighted.Builder<Han>()
      .add(new Han("有限公司", "Co., Ltd."), 8)
      .add(new Han("股份有限公司", "Co., Ltd."), 1.5)
      .add(new Han("有限责任公司", "Co., Ltd."), 1)
      .build();

  static final List<String> FOREIGN_BRANDS = split(
      "Northwind|Contoso|Fabrikam|Globex|Initech|Umbrella|Stark|Wayne|Acme|Tailspin|Litware|Proseware|Adventure Works|"
      + "Blue Yonder|Margie|Wingtip|Lucerne|Alpine Ski|Coho|Trey|Woodgrove|Fourth Coffee|Humongous|Graphic Design");

  static final List<String> QUALIFIERS = split(
      "Holdings|Group|International|Asia Pacific|Partners|Solutions|Systems|Global|Services|Europe|China|Ventures");

  /** Legal forms per country: the formal spelling first, then the variants systems use for it. */
  static final Map<String, List<String>> FOREIGN_LEGAL_FORMS = Map.of(
      "US", List.of("Inc.", "Inc", ", Inc.", "Incorporated", "LLC", "Corp.", "Corporation"),
      "GB", List.of("Ltd.", "Ltd", "Limited", "LTD", "PLC", "plc"),
      "DE", List.of("GmbH", "Gesellschaft mbH", "GmbH & Co. KG", "AG"),
      "FR", List.of("S.A.", "SA", "SAS", "S.A.S."));

  static final List<String> EMAIL_DOMAINS_CN = List.of("qq.com", "163.com", "126.com", "sina.com", "gmail.com",
      "outlook.com", "foxmail.com", "139.com");
  static final Weighted<String> EMAIL_DOMAIN_CN = Weighted.zipf(EMAIL_DOMAINS_CN, 0.9);
  static final Weighted<String> EMAIL_DOMAIN_INTL = Weighted.zipf(List.of("gmail.com", "outlook.com", "yahoo.com",
      "hotmail.com", "icloud.com", "gmx.de", "web.de", "protonmail.com"), 0.9);

  // ---- parsing helpers -----------------------------------------------------------------------------------

  static List<String> split(String s) {
    return List.of(s.split("\\|"));
  }

  private static Weighted<Han> weightedHan(String spec) {
    Weighted.Builder<Han> b = new Weighted.Builder<>();
    for (String e : spec.split("\\|")) {
      String[] p = e.split(" ");
      b.add(new Han(p[0], p[1]), Double.parseDouble(p[2]));
    }
    return b.build();
  }

  private static Weighted<String> weighted(String spec) {
    Weighted.Builder<String> b = new Weighted.Builder<>();
    for (String e : spec.split("\\|")) {
      int sp = e.lastIndexOf(' ');
      b.add(e.substring(0, sp), Double.parseDouble(e.substring(sp + 1)));
    }
    return b.build();
  }

  /** Kanji with their katakana reading and romanization, and a weight: {@code 佐藤 サトウ Sato 1|…}. */
  private static Weighted<Han> weightedKanji(String spec) {
    Weighted.Builder<Han> b = new Weighted.Builder<>();
    for (String e : spec.split("\\|")) {
      String[] p = e.split(" ");
      b.add(new Han(p[0], p[2], p[1]), Double.parseDouble(p[3]));
    }
    return b.build();
  }

  /** Kanji with their katakana reading and romanization: {@code 太郎 タロウ Taro|…}. */
  private static List<Han> kanjiList(String spec) {
    List<Han> out = new ArrayList<>();
    for (String e : spec.split("\\|")) {
      String[] p = e.split(" ");
      out.add(new Han(p[0], p[2], p[1]));
    }
    return List.copyOf(out);
  }

  private static List<Han> hanList(String spec) {
    List<Han> out = new ArrayList<>();
    for (String e : spec.split("\\|")) {
      int sp = e.indexOf(' ');
      out.add(new Han(e.substring(0, sp), e.substring(sp + 1)));
    }
    return List.copyOf(out);
  }

  private static Industry industry(String han, String english) {
    int sp = han.indexOf(' ');
    return new Industry(new Han(han.substring(0, sp), han.substring(sp + 1)), english);
  }

  private static List<GivenName> givenNames(String spec) {
    List<GivenName> out = new ArrayList<>();
    for (String e : spec.split("\\|")) {
      String[] p = e.split(" ");
      List<String> nick = p[2].equals("-") ? List.of() : Arrays.asList(p[2].split(","));
      out.add(new GivenName(p[1], p[0].equals("f"), List.copyOf(nick)));
    }
    return List.copyOf(out);
  }

  private static Map<String, String> nicknameIndex() {
    Map<String, String> m = new HashMap<>();
    for (GivenName g : WESTERN_GIVEN) for (String n : g.nicknames()) m.putIfAbsent(n.toLowerCase(), g.name());
    return Map.copyOf(m);
  }

  private static ChinaCity cn(String spec) {
    String[] p = spec.split(" ");
    return new ChinaCity(p[0], p[1], p[2], p[3], p[4], List.of(p[6].split(",")), p[5]);
  }

  private static Map<String, List<ForeignCity>> foreignCities() {
    Map<String, List<ForeignCity>> m = new HashMap<>();
    String spec = "New York|NY|US|100##|1|212 646 917|us;San Francisco|CA|US|941##|1|415 628|us;"
        + "Chicago|IL|US|606##|1|312 773|us;Seattle|WA|US|981##|1|206 425|us;"
        + "London|ENG|GB|SW# #AA|44|20|uk;Manchester|ENG|GB|M# #AB|44|161|uk;"
        + "Berlin|BE|DE|10###|49|30|de;Munich|BY|DE|80###|49|89|de;Hamburg|HH|DE|20###|49|40|de;"
        + "Paris|IDF|FR|750##|33|1|fr;Lyon|ARA|FR|6900#|33|4|fr";
    for (String c : spec.split(";")) {
      String[] p = c.split("\\|");
      m.computeIfAbsent(p[2], k -> new ArrayList<>()).add(new ForeignCity(p[0], p[1], p[2], p[3], p[4], p[5], p[6]));
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(m);
  }
}
