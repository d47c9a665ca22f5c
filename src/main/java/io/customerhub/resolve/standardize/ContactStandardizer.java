package io.customerhub.resolve.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.customerhub.record.CanonicalRecord;

import java.util.Locale;
import java.util.regex.Pattern;

/** Emails, phones, identifiers and birth dates: each normalized, or dropped (null) when unusable. */
final class ContactStandardizer {

  private static final Pattern EMAIL = Pattern.compile(
      "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:[-/.]?(\\d{1,2})(?:[-/.]?(\\d{1,2}))?)?");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final String defaultRegion;
  private final boolean stripGmailDots;

  ContactStandardizer(String defaultRegion, boolean stripGmailDots) {
    this.defaultRegion = defaultRegion;
    this.stripGmailDots = stripGmailDots;
  }

  String email(String raw) {
    String n = Latinizer.nfkc(raw);
    if (n == null) return null;
    String e = n.toLowerCase(Locale.ROOT);
    if (e.startsWith("mailto:")) e = e.substring(7).strip();
    if (e.length() > 254 || !EMAIL.matcher(e).matches()) return null;
    if (stripGmailDots) {
      int at = e.indexOf('@');
      String domain = e.substring(at + 1);
      if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
        String local = e.substring(0, at);
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        e = local.replace(".", "") + "@gmail.com";
      }
    }
    return e;
  }

  /**
   * E.164 (+8613800138000) for a number valid in its region (the default one when it has no country code);
   * else its digits alone when it has 7 to 15 of them, so that two records carrying the same number from a
   * region the hub was not told about still agree on it; else null.
   */
  String phone(String raw) {
    return phone(raw, null);
  }

  /**
   * As {@link #phone(String)}, but a number without a country code is read in {@code region} when that is a
   * region with a numbering plan (the record's own country: "(206) 473-1762" of a Seattle address is +1).
   */
  String phone(String raw, String region) {
    String n = Latinizer.nfkc(raw);
    if (n == null) return null;
    String r = region != null && PHONES.getSupportedRegions().contains(region) ? region : defaultRegion;
    try {
      Phonenumber.PhoneNumber p = PHONES.parse(n, r);
      if (PHONES.isValidNumber(p)) return PHONES.format(p, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      // not a number of that region: compared by its digits below
    }
    return digitsOnly(n);
  }

  /** The digits of a number no numbering plan knows, if it has as many as a phone number does; else null. */
  private static String digitsOnly(String n) {
    StringBuilder sb = new StringBuilder(n.length());
    n.codePoints().filter(c -> c >= '0' && c <= '9').forEach(sb::appendCodePoint);
    return sb.length() >= 7 && sb.length() <= 15 ? sb.toString() : null;
  }

  /** National and tax ids: NFKC, upper case, without spaces, dashes and dots. */
  static String identifier(String raw) {
    String n = Latinizer.nfkc(raw);
    if (n == null) return null;
    StringBuilder sb = new StringBuilder(n.length());
    n.toUpperCase(Locale.ROOT).codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '.'
            && Character.getType(c) != Character.DASH_PUNCTUATION)
        .forEach(sb::appendCodePoint);
    return sb.length() == 0 ? null : sb.toString();
  }

  /**
   * ISO date or its prefix (yyyy-MM-dd, yyyy-MM, yyyy). A day and month that only make sense swapped
   * (1990-25-03) are kept as given: the date comparator treats a swap as partial agreement. A placeholder date
   * and years before 100 (0001-01-01) are none.
   */
  static String birthDate(String raw) {
    String n = Latinizer.nfkc(raw);
    if (n == null) return null;
    int t = n.indexOf('T');
    if (t > 0) n = n.substring(0, t);
    var m = DATE.matcher(n);
    if (!m.matches()) return null;
    int year = Integer.parseInt(m.group(1));
    if (!CanonicalRecord.isBirthYear(year)) return null;
    String y = String.format(Locale.ROOT, "%04d", year);
    if (m.group(2) == null) return y;
    int month = Integer.parseInt(m.group(2));
    if (m.group(3) == null) return month >= 1 && month <= 12 ? y + "-" + twoDigits(month) : null;
    int day = Integer.parseInt(m.group(3));
    if (day < 1 || day > 31) return month >= 1 && month <= 12 ? y + "-" + twoDigits(month) : y;
    // a month above 12 with a day that can be a month stays, for the swap; any other impossible month is unknown
    // ("00"), while the year and the day still count
    if (month < 1 || month > 31 || (month > 12 && day > 12)) month = 0;
    String date = y + "-" + twoDigits(month) + "-" + twoDigits(day);
    // matching two customers on a placeholder would weigh as much as a real shared birth date
    return CanonicalRecord.isPlaceholderBirthDate(date) ? null : date;
  }

  private static String twoDigits(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
