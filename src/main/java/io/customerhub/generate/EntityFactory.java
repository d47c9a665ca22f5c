package io.customerhub.generate;

import io.customerhub.generate.Entity.Credit;
import io.customerhub.generate.Entity.Org;
import io.customerhub.generate.Entity.Person;
import io.customerhub.generate.Lexicon.ChinaCity;
import io.customerhub.generate.Lexicon.ForeignCity;
import io.customerhub.generate.Lexicon.GivenName;
import io.customerhub.generate.Lexicon.Han;
import io.customerhub.generate.Lexicon.Industry;
import io.customerhub.generate.Lexicon.NameOrigin;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Creates the true entities. Stateful on purpose: it keeps e-mail addresses, phones and company names unique
 * (they belong to one owner in reality) and remembers earlier persons, so that some new ones can be their
 * namesakes (same common name, same city) or household members (same family name, address and landline).
 */
final class EntityFactory {

  private static final double NAMESAKE_RATE = 0.03;
  private static final double HOUSEHOLD_RATE = 0.03;
  private static final Weighted<String> WEST_COUNTRY = new Weighted.Builder<String>()
      .add("CN", 35).add("US", 30).add("GB", 15).add("DE", 12).add("FR", 8).build();
  private static final Weighted<String> ORG_COUNTRY = new Weighted.Builder<String>()
      .add("US", 40).add("GB", 20).add("DE", 25).add("FR", 15).build();
  private static final long[] PERSON_LIMITS = {0, 2_000, 5_000, 10_000, 20_000, 50_000};
  private static final long[] ORG_LIMITS = {50_000, 100_000, 200_000, 500_000, 1_000_000, 5_000_000};

  private final Set<String> emails;
  private final Set<String> phones;
  private final Map<String, Integer> nextEmailSuffix = new HashMap<>();
  private final Set<String> orgNames = new HashSet<>();
  private final Set<String> domains = new HashSet<>();
  private final List<Person> persons = new ArrayList<>();

  /** @param expectedEntities sizes the uniqueness indexes, which otherwise spend their time rehashing */
  EntityFactory(int expectedEntities) {
    emails = new HashSet<>(expectedEntities * 6);
    phones = new HashSet<>(expectedEntities * 3);
  }

  Person person(String id, SplittableRandom rng) {
    double roll = rng.nextDouble();
    Person model = persons.isEmpty() ? null : persons.get(rng.nextInt(persons.size()));
    boolean namesake = model != null && roll < NAMESAKE_RATE;
    boolean household = model != null && !namesake && roll < NAMESAKE_RATE + HOUSEHOLD_RATE;

    String origin = namesake || household ? model.origin() : pickOrigin(rng);
    boolean female = rng.nextDouble() < 0.5;
    String given;
    String family;
    String givenHan = null;
    String familyHan = null;
    boolean familyFirst;
    String kana = null;
    Lexicon.HanOrigin han = hanOrigin(origin);
    if (origin.equals("CN") || han != null) {
      Han g = origin.equals("CN") ? (female ? Lexicon.CN_FEMALE_GIVEN : Lexicon.CN_MALE_GIVEN).pick(rng)
          : (female ? han.femaleGiven() : han.maleGiven()).pick(rng);
      Han f = origin.equals("CN") ? Lexicon.CN_SURNAMES.pick(rng) : han.surnames().pick(rng);
      given = g.latin();
      givenHan = g.hanzi();
      family = f.latin();
      familyHan = f.hanzi();
      if (f.kana() != null) kana = f.kana() + " " + g.kana();
      familyFirst = true;
    } else if (origin.equals("WEST")) {
      GivenName g = pickWestern(female, rng);
      given = g.name();
      family = Lexicon.WESTERN_SURNAMES.pick(rng);
      familyFirst = false;
    } else {
      NameOrigin o = otherOrigin(origin);
      List<String> names = female ? o.femaleGiven() : o.maleGiven();
      given = names.get(rng.nextInt(names.size()));
      family = o.surnames().pick(rng);
      familyFirst = o.familyFirst();
    }
    if (namesake) {
      female = model.female();
      given = model.given();
      givenHan = model.givenHan();
      kana = model.kana();
    }
    if (namesake || household) {
      family = model.family();
      familyHan = model.familyHan();
      if (kana != null && model.kana() != null) kana = model.kana().split(" ")[0] + " " + kana.split(" ")[1];
    }

    String country = namesake || household ? model.address().country() : residence(origin, rng);
    Addr address = household ? model.address() : address(country, namesake ? model.address().city() : null, rng);
    Addr previous = address(country, null, rng);
    LocalDate birth = birthDate(rng);
    String nationalId = nationalId(origin, country, address, birth, female, rng);

    List<Phone> personPhones = new ArrayList<>();
    personPhones.add(uniquePhone(() -> mobile(country, address, rng)));
    if (household && !model.phones().isEmpty() && rng.nextDouble() < 0.6) {
      personPhones.add(model.phones().get(model.phones().size() - 1));
    } else if (rng.nextDouble() < 0.25) {
      personPhones.add(uniquePhone(() -> landline(country, address, rng)));
    }

    List<String> personEmails = new ArrayList<>();
    personEmails.add(uniqueEmail(personalEmail(origin, given, family, birth, rng)));
    if (rng.nextDouble() < 0.3) personEmails.add(uniqueEmail(personalEmail(origin, given, family, birth, rng)));
    String altEmail = uniqueEmail(workEmail(given, family, rng));

    double s = rng.nextDouble();
    String segment = s < 0.7 ? "retail" : s < 0.9 ? "premium" : "vip";
    Person p = new Person(id, origin, female, given, family, givenHan, familyHan, kana, familyFirst, birth, nationalId,
        List.copyOf(personEmails), altEmail, List.copyOf(personPhones), address, previous, segment,
        rng.nextDouble() < 0.75, credit(PERSON_LIMITS, rng), rng.nextDouble() < 0.03);
    persons.add(p);
    return p;
  }

  Org org(String id, boolean riskOnly, SplittableRandom rng) {
    boolean chinese = rng.nextDouble() < 0.75;
    String legal;
    List<String> variants;
    String taxId;
    Addr address;
    String domain;
    if (chinese) {
      ChinaCity city = Lexicon.CN_CITIES.pick(rng);
      String cityShort = city.cityHanzi().substring(0, city.cityHanzi().length() - 1);
      Han brand;
      Industry industry;
      Han form;
      int attempts = 0;
      do {
        Han a = Lexicon.BRAND_SYLLABLES.pick(rng);
        Han b = Lexicon.BRAND_SYLLABLES.pick(rng);
        if (a.equals(b)) b = Lexicon.BRAND_SYLLABLES.pick(rng);
        brand = new Han(a.hanzi() + b.hanzi(), a.latin() + b.latin().toLowerCase(Locale.ROOT));
        if (++attempts > 20) {
          Han c = Lexicon.BRAND_SYLLABLES.pick(rng);
          brand = new Han(brand.hanzi() + c.hanzi(), brand.latin() + c.latin().toLowerCase(Locale.ROOT));
        }
        industry = Lexicon.INDUSTRY_PICK.pick(rng);
        form = Lexicon.CN_LEGAL_FORMS.pick(rng);
        legal = cityShort + brand.hanzi() + industry.han().hanzi() + form.hanzi();
      } while (!orgNames.add(legal));
      String cityEn = city.city();
      variants = List.of(
          cityEn + " " + brand.latin() + " " + industry.english() + " " + form.latin(),
          cityEn + " " + brand.latin() + " " + industry.han().latin(),
          cityEn + " " + brand.latin() + " " + industry.han().latin() + " " + formPinyin(form),
          brand.hanzi() + industry.han().hanzi(),
          brand.hanzi() + industry.han().hanzi() + form.hanzi(),
          brand.hanzi() + industry.han().hanzi() + "（" + cityShort + "）" + form.hanzi(),
          cityShort + brand.hanzi() + industry.han().hanzi(),
          (cityEn + " " + brand.latin() + " " + industry.english() + " CO LTD").toUpperCase(Locale.ROOT),
          brand.latin() + " " + industry.english());
      address = chinaAddress(city, rng);
      taxId = Identifiers.unifiedSocialCreditCode(city.areaCodes().get(rng.nextInt(city.areaCodes().size())), rng);
      domain = ascii(brand.latin()) + "-" + ascii(industry.english()).substring(0, Math.min(4, industry.english().length()));
    } else {
      String country = ORG_COUNTRY.pick(rng);
      List<String> forms = Lexicon.FOREIGN_LEGAL_FORMS.get(country);
      String base;
      int attempts = 0;
      do {
        base = Lexicon.FOREIGN_BRANDS.get(rng.nextInt(Lexicon.FOREIGN_BRANDS.size()));
        if (rng.nextDouble() < 0.6) base += " " + Lexicon.INDUSTRY_PICK.pick(rng).english();
        // The invented brands are few: larger datasets qualify them as real groups do (Contoso Asia Pacific).
        if (++attempts > 5) base += " " + Lexicon.QUALIFIERS.get(rng.nextInt(Lexicon.QUALIFIERS.size()));
        if (attempts > 20) base += " " + (attempts - 19);
        legal = joinForm(base, forms.get(0));
      } while (!orgNames.add(legal));
      List<String> v = new ArrayList<>();
      for (int i = 1; i < forms.size(); i++) v.add(joinForm(base, forms.get(i)));
      v.add(base);
      v.add(legal.toUpperCase(Locale.ROOT));
      variants = List.copyOf(v);
      address = foreignAddress(country, null, rng);
      taxId = Identifiers.foreignTaxId(country, rng);
      domain = ascii(base);
    }
    domain = uniqueDomain(domain + (chinese ? ".com.cn" : ".com"));
    Addr previous = chinese ? chinaAddress(Lexicon.CN_CITIES.pick(rng), rng) : foreignAddress(address.country(), null, rng);
    String country = address.country();
    List<Phone> orgPhones = new ArrayList<>();
    orgPhones.add(uniquePhone(() -> landline(country, address, rng)));
    if (rng.nextDouble() < 0.4) orgPhones.add(uniquePhone(() -> mobile(country, address, rng)));
    String mailbox = new String[] {"info", "contact", "finance", "office", "service"}[rng.nextInt(5)];
    List<String> orgEmails = List.of(uniqueEmail(mailbox + "@" + domain));
    String altEmail = uniqueEmail("sales@" + domain);
    double s = rng.nextDouble();
    String segment = s < 0.6 ? "smb" : s < 0.85 ? "enterprise" : "key-account";
    String controller = controller(chinese, rng);
    return new Org(id, chinese, legal, variants, rng.nextDouble() < 0.95 ? taxId : null, address, previous,
        List.copyOf(orgPhones), orgEmails, altEmail, segment, controller, credit(ORG_LIMITS, rng),
        rng.nextDouble() < 0.03, riskOnly);
  }

  // ---- persons -------------------------------------------------------------------------------------------

  private static String pickOrigin(SplittableRandom rng) {
    double r = rng.nextDouble();
    if (r < 0.6) return "CN";
    if (r < 0.88) return "WEST";
    int other = rng.nextInt(Lexicon.OTHER_ORIGINS.size() + Lexicon.HAN_ORIGINS.size());
    return other < Lexicon.OTHER_ORIGINS.size() ? Lexicon.OTHER_ORIGINS.get(other).code()
        : Lexicon.HAN_ORIGINS.get(other - Lexicon.OTHER_ORIGINS.size()).code();
  }

  /** The origin's names in Chinese characters outside mainland China, or null for another origin. */
  private static Lexicon.HanOrigin hanOrigin(String code) {
    for (Lexicon.HanOrigin o : Lexicon.HAN_ORIGINS) if (o.code().equals(code)) return o;
    return null;
  }

  private static NameOrigin otherOrigin(String code) {
    for (NameOrigin o : Lexicon.OTHER_ORIGINS) if (o.code().equals(code)) return o;
    throw new IllegalArgumentException(code);
  }

  private static GivenName pickWestern(boolean female, SplittableRandom rng) {
    // Rank-weighted among the names of the wanted sex: the first names of the list are the most frequent.
    List<GivenName> all = Lexicon.WESTERN_GIVEN;
    while (true) {
      GivenName g = all.get((int) (Math.pow(rng.nextDouble(), 1.8) * all.size()));
      if (g.female() == female) return g;
    }
  }

  private static String residence(String origin, SplittableRandom rng) {
    return switch (origin) {
      case "CN" -> rng.nextDouble() < 0.95 ? "CN" : "US";
      case "WEST" -> WEST_COUNTRY.pick(rng);
      default -> {
        Lexicon.HanOrigin han = hanOrigin(origin);
        List<String> home = han != null ? han.homeCountries() : otherOrigin(origin).homeCountries();
        yield rng.nextDouble() < 0.5 ? "CN" : home.get(rng.nextInt(home.size()));
      }
    };
  }

  private static LocalDate birthDate(SplittableRandom rng) {
    // The sum of two uniforms peaks in the middle: most customers are born between 1965 and 1995.
    int days = (int) ((rng.nextDouble() + rng.nextDouble()) / 2 * (LocalDate.of(2006, 12, 31).toEpochDay()
        - LocalDate.of(1945, 1, 1).toEpochDay()));
    return LocalDate.of(1945, 1, 1).plusDays(days);
  }

  private static String nationalId(String origin, String country, Addr address, LocalDate birth, boolean female,
                                   SplittableRandom rng) {
    if (origin.equals("CN")) {
      if (rng.nextDouble() < 0.08) return null;
      ChinaCity birthCity = rng.nextDouble() < 0.7 && country.equals("CN") ? cityOf(address) : Lexicon.CN_CITIES.pick(rng);
      String area = birthCity.areaCodes().get(rng.nextInt(birthCity.areaCodes().size()));
      return Identifiers.chineseNationalId(area, birth, female, rng);
    }
    if (rng.nextDouble() < 0.2) return null;
    String idCountry = origin.equals("WEST") ? (country.equals("CN") ? "PASSPORT" : country) : "PASSPORT";
    return Identifiers.foreignNationalId(idCountry, rng);
  }

  private static ChinaCity cityOf(Addr address) {
    for (ChinaCity c : Lexicon.CN_CITIES.items()) if (c.city().equals(address.city())) return c;
    throw new IllegalStateException(address.city());
  }

  private static String personalEmail(String origin, String given, String family, LocalDate birth, SplittableRandom rng) {
    String g = ascii(given);
    String f = ascii(family);
    int yy = birth.getYear() % 100;
    String local = switch (rng.nextInt(origin.equals("CN") ? 6 : 5)) {
      case 0 -> g + "." + f;
      case 1 -> f + g;
      case 2 -> f + g + Format.pad(yy, 2);
      case 3 -> g.charAt(0) + f;
      case 4 -> f + "." + g + rng.nextInt(100);
      default -> String.valueOf(10_000_000L + rng.nextLong(1_990_000_000L));
    };
    boolean qqNumber = local.chars().allMatch(Character::isDigit);
    String domain = qqNumber ? "qq.com"
        : origin.equals("CN") ? Lexicon.EMAIL_DOMAIN_CN.pick(rng) : Lexicon.EMAIL_DOMAIN_INTL.pick(rng);
    return local + "@" + domain;
  }

  private static String workEmail(String given, String family, SplittableRandom rng) {
    String company = ascii(Lexicon.FOREIGN_BRANDS.get(rng.nextInt(Lexicon.FOREIGN_BRANDS.size())));
    return ascii(given) + "." + ascii(family) + "@" + company + (rng.nextBoolean() ? ".com" : ".cn");
  }

  // ---- organizations -------------------------------------------------------------------------------------

  private static String formPinyin(Han form) {
    return switch (form.hanzi()) {
      case "股份有限公司" -> "Gufen Youxian Gongsi";
      case "有限责任公司" -> "Youxian Zeren Gongsi";
      default -> "Youxian Gongsi";
    };
  }

  private static String joinForm(String base, String form) {
    return form.startsWith(",") ? base + form : base + " " + form;
  }

  private String controller(boolean chinese, SplittableRandom rng) {
    if (!persons.isEmpty() && rng.nextDouble() < 0.3) {
      Person p = persons.get(rng.nextInt(persons.size()));
      return p.familyHan() != null && chinese ? p.familyHan() + p.givenHan() : p.fullName();
    }
    if (chinese) return Lexicon.CN_SURNAMES.pick(rng).hanzi() + Lexicon.CN_MALE_GIVEN.pick(rng).hanzi();
    return pickWestern(rng.nextBoolean(), rng).name() + " " + Lexicon.WESTERN_SURNAMES.pick(rng);
  }

  private static Credit credit(long[] limits, SplittableRandom rng) {
    long limit = limits[rng.nextInt(limits.length)];
    long open = limit == 0 ? 0 : (long) (limit * rng.nextDouble() * 0.8);
    double r = rng.nextDouble();
    if (r < 0.06) {
      int days = 1 + (int) (Math.pow(rng.nextDouble(), 2) * 180);
      long base = Math.max(limit, 1_000);
      long overdue = Math.max(100, (long) (base * (0.05 + rng.nextDouble() * 0.5)));
      // A third of the overdue customers also owe more than their limit in total.
      long total = r < 0.02 ? base + overdue : Math.max(open, overdue);
      return new Credit(limit, overdue, days, total);
    }
    return new Credit(limit, 0, 0, open);
  }

  // ---- places and contact points -------------------------------------------------------------------------

  private static Addr address(String country, String sameCity, SplittableRandom rng) {
    if (country.equals("CN")) {
      ChinaCity city = Lexicon.CN_CITIES.pick(rng);
      if (sameCity != null) {
        for (ChinaCity c : Lexicon.CN_CITIES.items()) if (c.city().equals(sameCity)) city = c;
      }
      return chinaAddress(city, rng);
    }
    return foreignAddress(country, sameCity, rng);
  }

  private static Addr chinaAddress(ChinaCity city, SplittableRandom rng) {
    Han street = Lexicon.CN_STREETS.pick(rng);
    int no = 1 + (int) (Math.pow(rng.nextDouble(), 2) * 600);
    String line2 = null;
    String line2Han = null;
    if (rng.nextDouble() < 0.6) {
      int bldg = 1 + rng.nextInt(20);
      int room = (1 + rng.nextInt(30)) * 100 + 1 + rng.nextInt(6);
      line2 = "Bldg " + bldg + ", Rm " + room;
      line2Han = bldg + "号楼" + room + "室";
    }
    String postcode = city.postPrefix() + Identifiers.digits(rng, 3);
    Addr han = new Addr(street.hanzi() + no + "号", line2Han, city.cityHanzi(), city.regionHanzi(), postcode, "CN", null);
    return new Addr(no + " " + street.latin(), line2, city.city(), city.region(), postcode, "CN", han);
  }

  private static Addr foreignAddress(String country, String sameCity, SplittableRandom rng) {
    List<ForeignCity> cities = Lexicon.FOREIGN_CITIES.get(country);
    ForeignCity city = cities.get(rng.nextInt(cities.size()));
    if (sameCity != null) for (ForeignCity c : cities) if (c.city().equals(sameCity)) city = c;
    int no = 1 + rng.nextInt(250);
    String line1 = switch (city.streetStyle()) {
      case "uk" -> no + " " + pick(Lexicon.UK_STREETS, rng);
      case "de" -> pick(Lexicon.DE_STREETS, rng) + " " + no;
      case "fr" -> no + " " + pick(Lexicon.FR_STREETS, rng);
      default -> no + " " + pick(Lexicon.EN_STREETS, rng);
    };
    String line2 = city.streetStyle().equals("us") && rng.nextDouble() < 0.3
        ? "Apt " + (1 + rng.nextInt(20)) + (char) ('A' + rng.nextInt(6)) : null;
    StringBuilder postcode = new StringBuilder();
    for (char c : city.postcodePattern().toCharArray()) {
      postcode.append(c == '#' ? (char) ('0' + rng.nextInt(10)) : c == 'A' ? (char) ('A' + rng.nextInt(26)) : c);
    }
    return new Addr(line1, line2, city.city(), city.region(), postcode.toString(), city.country(), null);
  }

  private static Phone mobile(String country, Addr address, SplittableRandom rng) {
    if (country.equals("CN")) return Phone.chineseMobile(rng);
    ForeignCity city = foreignCity(country, address);
    String mobileArea = switch (city.phoneCc()) {
      case "44" -> "7" + Identifiers.digits(rng, 3);
      case "49" -> "15" + Identifiers.digits(rng, 1);
      case "33" -> String.valueOf(6 + rng.nextInt(2));
      default -> areaOf(city, rng);
    };
    return Phone.foreign(city.phoneCc(), mobileArea, rng);
  }

  private static Phone landline(String country, Addr address, SplittableRandom rng) {
    if (country.equals("CN")) return Phone.chineseLandline(cityOf(address).phoneArea(), rng);
    ForeignCity city = foreignCity(country, address);
    return Phone.foreign(city.phoneCc(), areaOf(city, rng), rng);
  }

  private static ForeignCity foreignCity(String country, Addr address) {
    for (ForeignCity c : Lexicon.FOREIGN_CITIES.get(country)) if (c.city().equals(address.city())) return c;
    return Lexicon.FOREIGN_CITIES.get(country).get(0);
  }

  private static String areaOf(ForeignCity city, SplittableRandom rng) {
    String[] areas = city.phoneArea().split(" ");
    return areas[rng.nextInt(areas.length)];
  }

  private Phone uniquePhone(Supplier<Phone> next) {
    for (int i = 0; i < 50; i++) {
      Phone p = next.get();
      if (phones.add(p.canonical())) return p;
    }
    throw new IllegalStateException("phone number space exhausted");
  }

  private String uniqueEmail(String email) {
    if (emails.add(email)) return email;
    // Common names collide a lot (wei.wang@…): continue numbering where the last collision stopped.
    int at = email.indexOf('@');
    int n = nextEmailSuffix.getOrDefault(email, 2);
    String candidate;
    do {
      candidate = email.substring(0, at) + n++ + email.substring(at);
    } while (!emails.add(candidate));
    nextEmailSuffix.put(email, n);
    return candidate;
  }

  private String uniqueDomain(String domain) {
    if (domains.add(domain)) return domain;
    int dot = domain.indexOf('.');
    for (int n = 2; ; n++) {
      String candidate = domain.substring(0, dot) + n + domain.substring(dot);
      if (domains.add(candidate)) return candidate;
    }
  }

  private static <T> T pick(List<T> items, SplittableRandom rng) {
    return items.get(rng.nextInt(items.size()));
  }

  /** Lower-case ASCII for e-mail local parts and domains: Müller → muller, O'Brien → obrien. */
  static String ascii(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = Character.toLowerCase(decomposed.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.append(c);
    }
    return b.toString();
  }
}
