package io.customerhub.resolve.match;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A small synthetic customer population for evaluating matching in memory, until the project's generator
 * (io.customerhub.generate) is used: Chinese persons written in hanzi or pinyin, Western persons, companies;
 * a share of records are duplicates of another one with errors of every kind the product must survive.
 * Skewed name frequencies (few common surnames) keep the task honest.
 */
final class SyntheticCustomers {

  record Labeled(CanonicalRecord record, String entity) {
  }

  private static final String[][] CN_FAMILY = {{"张", "Zhang"}, {"王", "Wang"}, {"李", "Li"}, {"刘", "Liu"},
      {"陈", "Chen"}, {"杨", "Yang"}, {"黄", "Huang"}, {"赵", "Zhao"}, {"吴", "Wu"}, {"周", "Zhou"}, {"徐", "Xu"},
      {"孙", "Sun"}, {"马", "Ma"}, {"朱", "Zhu"}, {"胡", "Hu"}, {"郭", "Guo"}, {"何", "He"}, {"高", "Gao"},
      {"林", "Lin"}, {"罗", "Luo"}, {"郑", "Zheng"}, {"梁", "Liang"}, {"谢", "Xie"}, {"宋", "Song"}, {"唐", "Tang"},
      {"许", "Xu"}, {"韩", "Han"}, {"冯", "Feng"}, {"邓", "Deng"}, {"曹", "Cao"}, {"欧阳", "Ouyang"}, {"曾", "Zeng"}};
  private static final String[][] CN_GIVEN = {{"伟", "Wei"}, {"芳", "Fang"}, {"娜", "Na"}, {"敏", "Min"},
      {"静", "Jing"}, {"丽", "Li"}, {"强", "Qiang"}, {"磊", "Lei"}, {"军", "Jun"}, {"洋", "Yang"}, {"勇", "Yong"},
      {"艳", "Yan"}, {"杰", "Jie"}, {"涛", "Tao"}, {"明", "Ming"}, {"超", "Chao"}, {"小明", "Xiaoming"},
      {"秀英", "Xiuying"}, {"建华", "Jianhua"}, {"志强", "Zhiqiang"}, {"海燕", "Haiyan"}, {"晓东", "Xiaodong"},
      {"红梅", "Hongmei"}, {"国庆", "Guoqing"}, {"丹丹", "Dandan"}, {"子轩", "Zixuan"}, {"雨涵", "Yuhan"},
      {"浩然", "Haoran"}, {"思远", "Siyuan"}, {"文博", "Wenbo"}, {"佳怡", "Jiayi"}, {"欣怡", "Xinyi"}};
  private static final String[] W_GIVEN = {"William", "Elizabeth", "Robert", "Margaret", "James", "Catherine",
      "Michael", "Patricia", "Thomas", "Jennifer", "Richard", "Susan", "Joseph", "Sarah", "Daniel", "Emily",
      "Matthew", "Olivia", "Anthony", "Rebecca", "Nicholas", "Victoria", "Alexander", "Stephanie", "Peter",
      "Laura", "Oliver", "Hannah", "Lucas", "Chloe", "Marco", "Giulia", "Jan", "Anke", "Pierre", "Amelie"};
  private static final String[] W_FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
      "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris",
      "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker",
      "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Rossi", "Russo", "Bianchi", "Dubois", "Lefèvre",
      "García", "Fernández", "O'Connor", "Nakamura", "Kowalski", "Novak", "Quispe", "Okafor", "Haddad", "Larsen"};
  private static final String[][] NICK = {{"William", "Bill"}, {"Elizabeth", "Liz"}, {"Robert", "Bob"},
      {"Margaret", "Peggy"}, {"James", "Jim"}, {"Catherine", "Kate"}, {"Michael", "Mike"}, {"Patricia", "Pat"},
      {"Thomas", "Tom"}, {"Jennifer", "Jenny"}, {"Richard", "Dick"}, {"Susan", "Sue"}, {"Joseph", "Joe"},
      {"Daniel", "Dan"}, {"Matthew", "Matt"}, {"Anthony", "Tony"}, {"Nicholas", "Nick"}, {"Alexander", "Alex"}};
  private static final String[][] STREETS = {{"建国", "Jianguo"}, {"长安", "Chang'an"}, {"人民", "Renmin"},
      {"中山", "Zhongshan"}, {"解放", "Jiefang"}, {"和平", "Heping"}, {"南京", "Nanjing"}, {"淮海", "Huaihai"}};
  private static final String[] W_STREETS = {"Main", "Oak", "Maple", "Cedar", "Elm", "Park", "Church", "High",
      "Station", "Mill", "King", "Queen", "Victoria", "Bridge", "Hill", "Lake"};
  private static final String[][] CITIES = {{"北京", "Beijing", "100"}, {"上海", "Shanghai", "200"},
      {"广州", "Guangzhou", "510"}, {"深圳", "Shenzhen", "518"}, {"杭州", "Hangzhou", "310"}};
  private static final String[][] ORGS = {{"北京科技", "Beijing Keji"}, {"上海贸易", "Shanghai Maoyi"},
      {"华夏建设", "Huaxia Jianshe"}, {"东方电子", "Dongfang Dianzi"}, {"长城物流", "Changcheng Wuliu"}};
  private static final String[] W_ORGS = {"Acme Trading", "Globex", "Initech Systems", "Umbrella Foods",
      "Stark Industries", "Wayne Logistics", "Hooli Software", "Vandelay Imports", "Soylent Nutrition"};
  private static final String[] CN_SUFFIX = {"有限公司", "股份有限公司", "集团", "有限责任公司"};
  private static final String[] W_SUFFIX = {" Co., Ltd.", " Ltd", " Inc.", " LLC", " GmbH", " S.A.", " Limited", ""};
  private static final String[] DOMAINS = {"example.com", "mail.cn", "qq.com", "163.com", "gmail.com", "corp.net"};

  /** Everything a record is made from; duplicates are written from the same entity with errors. */
  private record Entity(String id, Kind kind, String[] family, String[] given, String[] org,
                        LocalDate birth, String nid, String email, String phone, int house, int street,
                        int city, boolean chinese) {
  }

  private final Random rnd;
  private final java.util.Set<String> emails = new java.util.HashSet<>();
  private int serial;

  SyntheticCustomers(long seed) {
    this.rnd = new Random(seed);
  }

  /** {@code n} records of which {@code dupShare} are duplicates (1-3 errors each) of earlier entities. */
  List<Labeled> generate(int n, double dupShare) {
    List<Labeled> out = new ArrayList<>();
    List<Entity> entities = new ArrayList<>();
    int originals = (int) Math.round(n * (1 - dupShare));
    for (int i = 0; i < originals; i++) {
      Entity e = entity();
      entities.add(e);
      out.add(new Labeled(write(e, 0), e.id()));
    }
    while (out.size() < n) {
      Entity e = entities.get(rnd.nextInt(entities.size()));
      out.add(new Labeled(write(e, 1 + rnd.nextInt(3)), e.id()));
    }
    return out;
  }

  private Entity entity() {
    String id = "E" + serial++;
    boolean chinese = rnd.nextDouble() < 0.55;
    int city = zipf(CITIES.length);
    LocalDate birth = LocalDate.of(1940 + rnd.nextInt(65), 1, 1).plusDays(rnd.nextInt(365));
    String phone = "+86 1" + (3 + rnd.nextInt(7)) + digits(9);
    if (rnd.nextDouble() < 0.1) {
      String[] word = ORG_WORDS[rnd.nextInt(ORG_WORDS.length)];
      String[] base = ORGS[rnd.nextInt(ORGS.length)];
      String[] org = chinese ? new String[] {word[0] + base[0], word[1] + " " + base[1]}
          : new String[] {null, word[1] + " " + W_ORGS[rnd.nextInt(W_ORGS.length)]};
      return new Entity(id, Kind.ORGANIZATION, null, null, org, null, "91" + digits(16), null, phone,
          1 + rnd.nextInt(300), rnd.nextInt(16), city, chinese);
    }
    String[] family = chinese ? CN_FAMILY[zipf(CN_FAMILY.length)] : new String[] {null, W_FAMILY[zipf(W_FAMILY.length)]};
    String[] given = chinese ? CN_GIVEN[zipf(CN_GIVEN.length)] : new String[] {null, W_GIVEN[zipf(W_GIVEN.length)]};
    String nid = rnd.nextDouble() < 0.6 ? (chinese ? "110101" + birth.toString().replace("-", "") + digits(4) : digits(9)) : null;
    String local = ascii(given[1]).toLowerCase(Locale.ROOT) + (rnd.nextBoolean() ? "." : "_")
        + ascii(family[1]).toLowerCase(Locale.ROOT);
    String email = unique(local, "@" + DOMAINS[rnd.nextInt(DOMAINS.length)]);
    return new Entity(id, Kind.PERSON, family, given, null, birth, nid, email, phone, 1 + rnd.nextInt(300),
        rnd.nextInt(16), city, chinese);
  }

  private CanonicalRecord write(Entity e, int errors) {
    String given = e.given == null ? null : e.chinese && rnd.nextBoolean() ? e.given[0] : e.given[1];
    String family = e.family == null ? null : given != null && given.equals(e.given[0]) ? e.family[0] : e.family[1];
    String org = e.org == null ? null : e.chinese && rnd.nextBoolean() ? e.org[0] + suffix(CN_SUFFIX)
        : e.org[1] + suffix(W_SUFFIX);
    String full = null;
    String birth = e.birth == null ? null : e.birth.toString();
    String nid = e.nid;
    String email = e.email;
    String phone = e.phone;
    int house = e.house;
    int street = e.street;
    for (int k = 0; k < errors; k++) {
      switch (rnd.nextInt(12)) {
        case 0 -> family = typo(family);
        case 1 -> given = typo(given);
        case 2 -> { String t = given; given = family; family = t; }
        case 3 -> given = nickname(given);
        case 4 -> birth = birth == null ? null : rnd.nextBoolean() ? swapDayMonth(birth) : typoDigits(birth);
        case 5 -> nid = nid == null ? null : rnd.nextBoolean() ? ocr(nid) : null;
        case 6 -> email = rnd.nextBoolean() ? null : email == null ? null : email.toUpperCase(Locale.ROOT);
        case 7 -> phone = phone == null ? null : rnd.nextBoolean() ? phone.replace("+86 ", "").replaceAll("(\\d{3})(\\d{4})(\\d{4})", "$1-$2-$3") : typoDigits(phone);
        case 8 -> { house = 1 + rnd.nextInt(300); street = rnd.nextInt(16); }
        case 9 -> { if (family != null && given != null && !e.chinese) { full = given + " " + family; given = null; family = null; } }
        case 10 -> { if (rnd.nextBoolean()) phone = null; else birth = null; }
        default -> org = org == null ? null : typo(org);
      }
    }
    String[] c = CITIES[e.city];
    Address address = e.chinese && rnd.nextBoolean()
        ? new Address(STREETS[street % STREETS.length][0] + "路" + house + "号", null, c[0] + "市", null, c[2] + "0" + (street % 10) + "0", "CN")
        : new Address(house + " " + (e.chinese ? STREETS[street % STREETS.length][1] : W_STREETS[street]) + (rnd.nextBoolean() ? " Road" : " Rd"),
        null, c[1], null, c[2] + "0" + (street % 10) + "0", "CN");
    boolean isOrg = e.kind == Kind.ORGANIZATION;
    return new CanonicalRecord(new SourceKey("syn", "R" + serial++), e.kind, Instant.EPOCH, false,
        isOrg ? null : given, isOrg ? null : family, full, org, isOrg ? nid : null, isOrg ? null : nid, birth,
        email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone),
        List.of(address), List.of(), Map.of(), null);
  }

  private static final String[][] ORG_WORDS = {{"华", "Hua"}, {"新", "Xin"}, {"天", "Tian"}, {"金", "Jin"},
      {"龙", "Long"}, {"丰", "Feng"}, {"盛", "Sheng"}, {"康", "Kang"}};

  /** Mail providers hand out each address once: a taken one gets digits, as people do when they sign up. */
  private String unique(String local, String domain) {
    String candidate = local + domain;
    while (!emails.add(candidate)) candidate = local + digits(1 + rnd.nextInt(3)) + domain;
    return candidate;
  }

  private String suffix(String[] options) {
    return options[rnd.nextInt(options.length)];
  }

  private int zipf(int n) {
    return Math.min(n - 1, (int) Math.floor(n * Math.pow(rnd.nextDouble(), 2.2)));
  }

  private String digits(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(rnd.nextInt(10));
    return sb.toString();
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
  }

  /** One keyboard-style edit of a Latin value (hanzi values get their last character dropped or doubled). */
  private String typo(String s) {
    if (s == null || s.length() < 2) return s;
    int i = 1 + rnd.nextInt(s.length() - 1);
    return switch (rnd.nextInt(4)) {
      case 0 -> s.substring(0, i) + s.substring(i + 1 > s.length() ? i : i + 1);
      case 1 -> s.substring(0, i) + (char) ('a' + rnd.nextInt(26)) + s.substring(i);
      case 2 -> i < s.length() - 1 ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s + s.charAt(i);
      default -> s.substring(0, i) + (char) ('a' + rnd.nextInt(26)) + s.substring(Math.min(s.length(), i + 1));
    };
  }

  private String typoDigits(String s) {
    if (s == null) return null;
    int[] idx = s.chars().map(c -> Character.isDigit(c) ? 1 : 0).toArray();
    for (int tries = 0; tries < 20; tries++) {
      int i = rnd.nextInt(s.length());
      if (idx[i] == 1 && i > 0) return s.substring(0, i) + rnd.nextInt(10) + s.substring(i + 1);
    }
    return s;
  }

  /** OCR confusions on identifiers: 0/O, 1/I, 5/S, 8/B. */
  private String ocr(String s) {
    String[][] pairs = {{"0", "O"}, {"1", "I"}, {"5", "S"}, {"8", "B"}};
    String[] p = pairs[rnd.nextInt(pairs.length)];
    return s.contains(p[0]) ? s.replaceFirst(p[0], p[1]) : typoDigits(s);
  }

  private String nickname(String given) {
    for (String[] n : NICK) if (n[0].equals(given)) return n[1];
    return given;
  }

  private static String swapDayMonth(String iso) {
    String[] p = iso.split("-");
    return p.length == 3 ? p[0] + "-" + p[2] + "-" + p[1] : iso;
  }
}
