package io.customerhub.resolve.match;

import io.customerhub.record.Kind;
import io.customerhub.resolve.standardize.StandardAddress;
import io.customerhub.resolve.standardize.StandardRecord;

import java.util.List;

import static io.customerhub.resolve.match.Field.MISSING;

/**
 * The per-field comparators: each maps two standardized records to a level index of its {@link Field}
 * (0 = best agreement) or {@link Field#MISSING}. Thresholds come from {@link MatchingConfig}. Pure and
 * thread-safe; on the scoring hot path, so values are compared as precomputed by {@link StandardRecord}.
 */
public final class Comparisons {

  private static final double STREET_NEAR = 0.90;
  private static final double CITY_NEAR = 0.90;
  private static final double ORG_NEAR = 0.94;
  private static final double ORG_SIMILAR = 0.85;

  private final MatchingConfig cfg;

  public Comparisons(MatchingConfig cfg) {
    this.cfg = cfg;
  }

  /** Persons, guest orders and records of unknown kind compare with each other; organizations only among themselves. */
  public static boolean comparableKinds(Kind a, Kind b) {
    if (a == null || b == null) return true;
    return (a == Kind.ORGANIZATION) == (b == Kind.ORGANIZATION);
  }

  /** True when given and family name agree better crosswise (Wei Zhang vs Zhang Wei). */
  public boolean namesSwapped(StandardRecord a, StandardRecord b) {
    return NameAlignment.swapped(a, b);
  }

  /** How the pair's names line up: straight, swapped, or one record's whole name split to match the other's. */
  public NameAlignment names(StandardRecord a, StandardRecord b) {
    return NameAlignment.of(a, b, cfg);
  }

  /** Fills {@code out} (one slot per {@link Field}) with the levels of the pair, its names aligned as {@code n}. */
  public void levels(StandardRecord a, StandardRecord b, NameAlignment n, int[] out) {
    boolean org = a.kind() == Kind.ORGANIZATION || b.kind() == Kind.ORGANIZATION;
    out[Field.FAMILY_NAME.ordinal()] = org ? MISSING : family(n.aFamily(), n.bFamily());
    out[Field.GIVEN_NAME.ordinal()] = org ? MISSING : given(n.aGiven(), n.aGivenFirst(), n.bGiven(), n.bGivenFirst());
    boolean straight = !org && n.rule().isEmpty();
    if (straight && out[Field.FAMILY_NAME.ordinal()] > 1 && oneOfTheOthersNames(a.family(), b.family())) {
      out[Field.FAMILY_NAME.ordinal()] = 1;
    }
    if (straight && out[Field.GIVEN_NAME.ordinal()] > 1 && initialsOfTheOthersNames(a.given(), b.given())) {
      out[Field.GIVEN_NAME.ordinal()] = 1;
    }
    out[Field.BIRTH_DATE.ordinal()] = org ? MISSING : birthDate(a, b);
    out[Field.EMAIL.ordinal()] = email(a.emails(), b.emails());
    out[Field.PHONE.ordinal()] = phone(a.phones(), b.phones());
    out[Field.NATIONAL_ID.ordinal()] = identifier(a.nationalId(), b.nationalId());
    out[Field.TAX_ID.ordinal()] = identifier(a.taxId(), b.taxId());
    out[Field.ADDRESS.ordinal()] = address(a, b);
    out[Field.ORG_NAME.ordinal()] = org ? orgName(a, b) : MISSING;
    out[Field.GENDER.ordinal()] = org ? MISSING : exact(a.gender(), b.gender());
    out[Field.OCCUPATION.ordinal()] = org ? MISSING : exact(a.occupation(), b.occupation());
  }

  /** EXACT or DIFFERENT, MISSING when either side has no value. */
  static int exact(String x, String y) {
    if (x == null || y == null) return MISSING;
    return x.equals(y) ? 0 : 1;
  }

  /**
   * A family name cut to its initial that agrees ("kubler" and "k") says nothing either way: MISSING. One spelled
   * in another romanization of the same name (Chan and Chen, Lee and Yi; conf/surname-variants.txt) is NEAR, as a
   * typo is: the same name, and as often a namesake's.
   */
  int family(String x, String y) {
    if (x == null || y == null) return MISSING;
    if (x.equals(y) || sameWithoutSpaces(x, y)) return 0;
    if ((x.length() == 1 || y.length() == 1) && x.charAt(0) == y.charAt(0)) return MISSING;
    double jw = Similarity.jaroWinkler(x, y);
    if (jw >= cfg.nameNear() || (Math.min(x.length(), y.length()) >= 5 && Similarity.editDistance(x, y, 1) <= 1)
        || cfg.surnames().related(x, y)) {
      return 1;
    }
    return jw >= cfg.nameSimilar() ? 2 : 3;
  }

  /**
   * Given names also agree as ALIAS: a nickname, an initial, or the same first name with a middle name. Names
   * spelled nearly alike are NEAR even where the nickname table also relates them (Lil and Lily, Jon and John): a
   * typo explains them as well, and the learned weight of NEAR does not depend on how many nicknames, initials and
   * middle names a data set has, which is all ALIAS learns from.
   */
  int given(String x, String xFirst, String y, String yFirst) {
    if (x == null || y == null) return MISSING;
    if (x.equals(y) || sameWithoutSpaces(x, y)) return 0;
    double jw = Similarity.jaroWinkler(x, y);
    if (jw >= cfg.nameNear() || (Math.min(x.length(), y.length()) >= 5 && Similarity.editDistance(x, y, 1) <= 1)) return 2;
    if (cfg.nicknames().related(x, y) || cfg.nicknames().related(xFirst, yFirst) || xFirst.equals(yFirst)
        || (x.length() == 1 && y.charAt(0) == x.charAt(0)) || (y.length() == 1 && x.charAt(0) == y.charAt(0))) {
      return 1;
    }
    return jw >= cfg.nameSimilar() ? 3 : 4;
  }

  /**
   * One name written as one word, the other as several or with a hyphen (standardized to a space): Maryann and
   * Mary-Ann, Minjun and Min-jun, Delacruz and de la Cruz are one name as written by two clerks.
   */
  static boolean sameWithoutSpaces(String x, String y) {
    if (x.indexOf(' ') < 0 && y.indexOf(' ') < 0) return false;
    int i = 0;
    int j = 0;
    while (true) {
      while (i < x.length() && x.charAt(i) == ' ') i++;
      while (j < y.length() && y.charAt(j) == ' ') j++;
      if (i == x.length() || j == y.length()) return i == x.length() && j == y.length();
      if (x.charAt(i++) != y.charAt(j++)) return false;
    }
  }

  /**
   * One family name is a whole word of the other's double one: García against García Márquez (one system keeps
   * both surnames, another the first), Smith against Smith-Jones. NEAR, as a typo would be, not EXACT: it may
   * also be a relative's name.
   */
  static boolean oneOfTheOthersNames(String x, String y) {
    if (x == null || y == null) return false;
    List<String> xs = List.of(x.split(" ")), ys = List.of(y.split(" "));
    if (xs.size() == 1 && ys.size() > 1) return xs.get(0).length() >= 3 && ys.contains(xs.get(0));
    if (ys.size() == 1 && xs.size() > 1) return ys.get(0).length() >= 3 && xs.contains(ys.get(0));
    return false;
  }

  /**
   * Given names written as initials ("J. M.", standardized "j m") that are the initials of the other's names in
   * order (John Michael), as far as both go: ALIAS, as a single initial already is.
   */
  static boolean initialsOfTheOthersNames(String x, String y) {
    if (x == null || y == null) return false;
    String[] xs = x.split(" "), ys = y.split(" ");
    String[] initials = allInitials(xs) ? xs : allInitials(ys) ? ys : null;
    if (initials == null) return false;
    String[] names = initials == xs ? ys : xs;
    for (int i = 0; i < Math.min(initials.length, names.length); i++) {
      if (names[i].isEmpty() || names[i].charAt(0) != initials[i].charAt(0)) return false;
    }
    return true;
  }

  private static boolean allInitials(String[] tokens) {
    if (tokens.length < 2) return false;
    for (String t : tokens) if (t.length() != 1) return false;
    return true;
  }

  /**
   * Dates this many days apart or fewer are CLOSE, across a month or a year too: a date stored as midnight and read
   * in another time zone, a day misremembered or taken from another document (a baptism's). Counted as TWO_PARTS
   * too, dates up to two months apart cost RLdata500 recall (0.98 → 0.94): its namesakes' dates are such.
   */
  private static final int CLOSE_DAYS = 5;

  /**
   * A swapped day and month is a partial agreement (SWAPPED); one part mistyped by a single digit (1949 vs
   * 1994, 05 vs 06) is CLOSE, and so are two dates at most {@link #CLOSE_DAYS} apart, across a month or a year
   * too (1980-03-31 and 1980-04-02, 1979-12-31 and 1980-01-01); two of year, month and day the same and the
   * third another value (a year or a month entered wrong, the day of another record) is TWO_PARTS, as is the same
   * year and month where one side has no day, and the same year and day where one side's month is unknown; the
   * same year alone is YEAR. How much each level says "same person" is for the data to tell: EM weighs it.
   */
  static int birthDate(StandardRecord a, StandardRecord b) {
    int ay = a.birthYear(), by = b.birthYear();
    if (ay == 0 || by == 0) return MISSING;
    int am = a.birthMonth(), bm = b.birthMonth(), ad = a.birthDay(), bd = b.birthDay();
    if (am == 0 || bm == 0 || ad == 0 || bd == 0) {
      if (ay != by) return 5;
      // the same year and day, the month unknown on one side (a month no calendar has, 1949-15-25)
      if (am == 0 || bm == 0) return ad != 0 && ad == bd ? 3 : 4;
      // the same year and month, the day unknown on one side (a source that keeps no day, a day no calendar has)
      return am == bm ? 3 : 5;
    }
    if (ay == by && am == bm && ad == bd) return 0;
    if (ay == by && am == bd && ad == bm) return 1;
    boolean y = ay == by, m = am == bm, d = ad == bd;
    long days = Math.abs(epochDay(ay, am, ad) - epochDay(by, bm, bd));
    if ((y && m && digitTypo(ad, bd, 2)) || (y && d && digitTypo(am, bm, 2)) || (m && d && digitTypo(ay, by, 4))
        || days <= CLOSE_DAYS) {
      return 2;
    }
    if ((y ? 1 : 0) + (m ? 1 : 0) + (d ? 1 : 0) == 2) return 3;
    return y ? 4 : 5;
  }

  /**
   * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil), arithmetic
   * only: the comparator runs for every candidate pair. A day no calendar has (04-31) counts on into the next month.
   */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097L + dayOfEra - 719468;
  }

  /**
   * Both dates full and less than a year apart. A date mistyped or mis-entered is usually off by days or
   * months; the people a household shares a phone or an e-mail with (parents, children, most siblings) are
   * a year or more apart.
   */
  static boolean withinAYear(StandardRecord a, StandardRecord b) {
    if (a.birthMonth() == 0 || a.birthDay() == 0 || b.birthMonth() == 0 || b.birthDay() == 0) return false;
    return Math.abs(approximateDay(a) - approximateDay(b)) < 365;
  }

  /** Days since year 0, close enough for a distance; sources also send days and months that no calendar has. */
  private static double approximateDay(StandardRecord r) {
    return r.birthYear() * 365.25 + (r.birthMonth() - 1) * 30.44 + r.birthDay();
  }

  /** One digit replaced, or two adjacent digits transposed, in the fixed-width decimal forms. */
  private static boolean digitTypo(int x, int y, int width) {
    int diff = 0;
    int[] dx = new int[width];
    int[] dy = new int[width];
    for (int i = 0; i < width; i++) {
      dx[i] = x % 10;
      dy[i] = y % 10;
      x /= 10;
      y /= 10;
      if (dx[i] != dy[i]) diff++;
    }
    if (diff == 1) return true;
    for (int i = 0; i + 1 < width; i++) {
      if (diff == 2 && dx[i] == dy[i + 1] && dx[i + 1] == dy[i] && dx[i] != dx[i + 1]) return true;
    }
    return false;
  }

  /**
   * Any shared address is EXACT, one mistyped letter is ONE_EDIT. Neither the same local part at another
   * domain nor a different digit or separator (wei.zhang1@ vs wei.zhang2@, wei.zhang@ vs wei_zhang@) counts:
   * those are what two namesakes get, and the name fields already weigh the name.
   */
  static int email(List<String> xs, List<String> ys) {
    return closest(xs, ys, true);
  }

  /** Level over two lists of identifiers: 0 when any value is shared, 1 when two are one edit apart, else 2. */
  private static int closest(List<String> xs, List<String> ys, boolean lettersOnly) {
    if (xs.isEmpty() || ys.isEmpty()) return MISSING;
    int best = 2;
    for (String x : xs) {
      for (String y : ys) {
        if (x.equals(y)) return 0;
        if (best == 2 && Similarity.editDistance(x, y, 1) <= 1 && !(lettersOnly && namesakesDiffer(x, y))) best = 1;
      }
    }
    return best;
  }

  /**
   * True when the one difference is a digit or a separator (wei.zhang1@ vs wei.zhang2@, wei.zhang@ vs
   * wei_zhang@): what two namesakes get from the same provider, not a typo.
   */
  private static boolean namesakesDiffer(String x, String y) {
    int i = 0;
    while (i < Math.min(x.length(), y.length()) && x.charAt(i) == y.charAt(i)) i++;
    return (i < x.length() && namesakeMark(x.charAt(i))) || (i < y.length() && namesakeMark(y.charAt(i)));
  }

  private static boolean namesakeMark(char c) {
    return Character.isDigit(c) || c == '.' || c == '_' || c == '-';
  }

  /**
   * As {@link #closest}, with a number written with and without its country code: a number without one is read in
   * the record's country, or the configured default region, and may come out under the wrong one (+86 206 473 1762
   * for Seattle's (206) 473-1762) or as bare digits (0745 123 456 against +61 745 123 456). The same ten last digits,
   * or bare digits (without their trunk zeros, nine at least) that end the other number, are the same number: EXACT
   * (ONE_EDIT weighed a number every record of a US source wrote without +1 as a typo of itself). The same last nine
   * digits alone are ONE_EDIT; the phone_tail key brings such pairs together.
   */
  static int phone(List<String> xs, List<String> ys) {
    int level = closest(xs, ys, false);
    if (level == 0 || level == MISSING) return level;
    boolean tail = false;
    for (String x : xs) {
      for (String y : ys) {
        if (sameNumberElsewhere(x, y)) return 0;
        tail |= sameLastDigits(x, y, 9);
      }
    }
    return level == 1 || tail ? 1 : 2;
  }

  private static boolean sameNumberElsewhere(String x, String y) {
    return sameLastDigits(x, y, 10) || endsWithBare(x, y) || endsWithBare(y, x);
  }

  /** Whether {@code bare}, a number without a country code, is the end of {@code full} past its trunk zeros. */
  private static boolean endsWithBare(String full, String bare) {
    if (bare.startsWith("+")) return false;
    int from = 0;
    while (from < bare.length() && bare.charAt(from) == '0') from++;
    int n = bare.length() - from;
    return n >= 9 && full.length() > n && full.regionMatches(full.length() - n, bare, from, n);
  }

  private static boolean sameLastDigits(String x, String y, int n) {
    if (digits(x) < n || digits(y) < n) return false;
    return x.regionMatches(x.length() - n, y, y.length() - n, n);
  }

  private static int digits(String phone) {
    int d = 0;
    for (int i = 0; i < phone.length(); i++) if (Character.isDigit(phone.charAt(i))) d++;
    return d;
  }

  static int identifier(String x, String y) {
    if (x == null || y == null) return MISSING;
    return Math.min(Similarity.editDistance(x, y, 2), 3);
  }

  /**
   * Best agreement over all address pairs: same street and number, street only, the same postcode, a postcode of
   * the same district, the same town where there is no postcode to compare, the same town or postcode where the
   * streets or postcodes differ, different. A town alone and a town whose postcodes differ are two levels because
   * they mean different things: duplicates that both carry a postcode nearly always share it, so the same town
   * with another postcode is weak evidence, while the same town with a postcode missing on one side is as good as
   * the town is rare (its weight follows the town's frequency, see {@link PairScorer}).
   */
  static int address(StandardRecord a, StandardRecord b) {
    int best = MISSING;
    for (int i = 0; i < a.addresses().size(); i++) {
      for (int j = 0; j < b.addresses().size(); j++) {
        int level = addressPair(a, i, b, j);
        if (level != MISSING && (best == MISSING || level < best)) best = level;
        if (best == ADDRESS_EXACT) return best;
      }
    }
    return best;
  }

  // the address levels by name, read off the field so that the two cannot drift apart
  static final int ADDRESS_EXACT = Field.ADDRESS.levelIndex("EXACT");
  static final int ADDRESS_STREET = Field.ADDRESS.levelIndex("STREET");
  static final int ADDRESS_POSTCODE = Field.ADDRESS.levelIndex("POSTCODE");
  static final int ADDRESS_NEAR_POSTCODE = Field.ADDRESS.levelIndex("NEAR_POSTCODE");
  static final int ADDRESS_TOWN = Field.ADDRESS.levelIndex("TOWN");
  static final int ADDRESS_AREA = Field.ADDRESS.levelIndex("AREA");
  static final int ADDRESS_DIFFERENT = Field.ADDRESS.levelIndex("DIFFERENT");

  private static int addressPair(StandardRecord a, int i, StandardRecord b, int j) {
    String sa = a.streets().get(i), sb = b.streets().get(j);
    String na = a.houseNumbers().get(i), nb = b.houseNumbers().get(j);
    String pa = a.addresses().get(i).postcode(), pb = b.addresses().get(j).postcode();
    String ca = a.addresses().get(i).city(), cb = b.addresses().get(j).city();
    boolean samePostcode = pa != null && pa.equals(pb);
    if (sa != null && sb != null) {
      // the house numbers first: most candidate pairs differ there, and then the streets' likeness decides nothing
      boolean number = na == null || nb == null || na.equals(nb);
      if (number && (sa.equals(sb) || Similarity.jaroWinkler(sa, sb) >= STREET_NEAR)) {
        return samePostcode || pa == null || pb == null ? ADDRESS_EXACT : ADDRESS_STREET;
      }
      // another street: a shared postcode or town says no more than the area
      return samePostcode || sameCity(ca, cb) ? ADDRESS_AREA : ADDRESS_DIFFERENT;
    }
    if ((pa == null || pb == null) && (ca == null || cb == null)) return MISSING;
    // no street on one side: a postcode is a few streets in some countries and a district in others, so it has a
    // level of its own and the data say what it is worth
    if (samePostcode) return ADDRESS_POSTCODE;
    if (nearPostcodes(pa, pb)) return ADDRESS_NEAR_POSTCODE;
    if (!sameCity(ca, cb)) return ADDRESS_DIFFERENT;
    return pa == null || pb == null ? ADDRESS_TOWN : ADDRESS_AREA;
  }

  /**
   * Postcodes of one district ({@link StandardAddress#postcodeDistrict}): the next street or block (TQ13 8DF
   * and TQ13 8HU, 100022 and 100023), where people move, and where one source keeps an older postcode of the place.
   */
  static boolean nearPostcodes(String a, String b) {
    String district = StandardAddress.postcodeDistrict(a);
    return district != null && district.equals(StandardAddress.postcodeDistrict(b));
  }

  /** Equal, or mistyped by a letter or two ("Manchster"): different towns rarely come that close. */
  private static boolean sameCity(String a, String b) {
    return a != null && b != null && (a.equals(b) || Similarity.jaroWinkler(a, b) >= CITY_NEAR);
  }

  static int orgName(StandardRecord a, StandardRecord b) {
    String x = a.orgKey(), y = b.orgKey();
    if (x == null || y == null) return MISSING;
    if (x.equals(y)) return 0;
    double jw = Similarity.jaroWinkler(x, y);
    double overlap = Similarity.tokenOverlap(a.orgTokens(), b.orgTokens());
    if (jw >= ORG_NEAR || overlap == 1.0 || a.orgCore().equals(b.orgCore())) return 1;
    return jw >= ORG_SIMILAR || overlap >= 0.5 ? 2 : 3;
  }
}
