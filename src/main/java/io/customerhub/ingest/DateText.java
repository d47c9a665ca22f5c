package io.customerhub.ingest;

import io.customerhub.record.CanonicalRecord;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar date as sources write it: ISO ({@code 1990-03-07}, also with a time after it), compact
 * ({@code 19900307}), year first with any separator ({@code 1990/3/7}), or day and month first
 * ({@code 07.03.1990}, {@code 7/3/1990}). Day and month first is read as day/month/year unless the first number
 * cannot be a month (the US {@code 12/31/1990}); where either order is possible the day comes first, as in most of
 * the world, unless the source's mapping says it writes the month first ({@code "dates": "month-first"} in
 * conf/sources): a source writes all its dates one way, so its records still agree with each other, and a day and
 * month swapped between sources is a partial agreement for the matcher, not a disagreement. A month written as an
 * English name or its abbreviation is read too ({@code 7 March 1990}, {@code 07-Mar-1990}, {@code March 7, 1990}),
 * and so are the units of Chinese, Japanese and Korean dates ({@code 1990年3月7日}, {@code 1990년 3월 7일}).
 * A date of reduced precision ({@code 1990-03}, {@code 1990}) is kept as such.
 *
 * <p>A date that no calendar has keeps what it can, because a mistyped day should not cost the year and month
 * that still tell two namesakes apart: a month above 12 with a day that can be a month ({@code 1990-25-03}) is kept
 * as written, so the matcher sees a swapped day and month; an impossible day keeps the year and month
 * ({@code 1990-02-30} becomes {@code 1990-02}); an impossible month beside a possible day is kept as written
 * ({@code 1990-15-25}, {@code 1990-00-08}: the matcher weighs the year and the day), and with an impossible day
 * too only the year is kept.
 */
final class DateText {

  /** What was read: an ISO date, possibly partial, and whether it had to be repaired to get there. */
  record Read(String iso, boolean repaired) {
  }

  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
  private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  /** 7 March 1990, 07-Mar-1990, 7th Mar. 1990. */
  private static final Pattern DAY_MONTH_NAME =
      Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?[ \\-./]+([A-Za-z]{3,9})\\.?[ \\-./,]+(\\d{4})");
  /** March 7, 1990, Sept 30 1990. */
  private static final Pattern MONTH_NAME_DAY =
      Pattern.compile("([A-Za-z]{3,9})\\.?[ \\-./]+(\\d{1,2})(?:st|nd|rd|th)?[ ,]+(\\d{4})");
  private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december");
  /** A time after the date: {@code T08:00:00Z}, or a space and {@code 00:00:00}. */
  private static final Pattern TIME = Pattern.compile("[T ]\\d{1,2}:\\d{2}.*");

  private DateText() {
  }

  /** The ISO form ({@code YYYY-MM-DD}) of a date written in one of the accepted ways, or null if it is none. */
  static String iso(String text) {
    Read r = read(text);
    return r == null ? null : r.iso();
  }

  /** The date read from {@code text}, day first where either order is possible; see {@link #read(String, boolean)}. */
  static Read read(String text) {
    return read(text, false);
  }

  /**
   * The date read from {@code text}, or null if it is none of the accepted forms or its year is impossible. Where a
   * date written with the year last can be read either way ({@code 03/07/1990}), {@code monthFirst} says how the
   * source writes its dates: month first as in the US, or day first as in most of the world.
   */
  static Read read(String text, boolean monthFirst) {
    String s = TIME.matcher(withoutCjkUnits(text.strip())).replaceFirst("");
    Matcher m = YEAR_FIRST.matcher(s);
    if (m.matches()) return date(m.group(1), m.group(2), m.group(3));
    m = COMPACT.matcher(s);
    if (m.matches()) return date(m.group(1), m.group(2), m.group(3));
    m = DAY_MONTH_NAME.matcher(s);
    if (m.matches()) return named(m.group(3), m.group(2), m.group(1));
    m = MONTH_NAME_DAY.matcher(s);
    if (m.matches()) return named(m.group(3), m.group(1), m.group(2));
    m = YEAR_LAST.matcher(s);
    if (m.matches()) {
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(2));
      boolean readMonthFirst = monthFirst ? !(first > 12 && second <= 12) : second > 12 && first <= 12;
      return readMonthFirst ? date(m.group(3), m.group(1), m.group(2)) : date(m.group(3), m.group(2), m.group(1));
    }
    m = YEAR_MONTH.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      boolean valid = CanonicalRecord.isBirthYear(year) && month >= 1 && month <= 12;
      return valid ? new Read(yearMonth(year, month), false) : null;
    }
    if (YEAR.matcher(s).matches()) {
      int year = Integer.parseInt(s);
      return CanonicalRecord.isBirthYear(year) ? new Read(fourDigits(year), false) : null;
    }
    return null;
  }

  /**
   * A date written with the units of Chinese, Japanese and Korean ({@code 1990年3月7日}, {@code 1990年03月07号},
   * {@code 1990년 3월 7일}, full-width digits too) as the year-first form the other patterns read ({@code 1990-3-7});
   * other text as it is.
   */
  private static String withoutCjkUnits(String s) {
    if (s.indexOf('年') < 0 && s.indexOf('년') < 0) return s;
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).replace(" ", "")
        .replace('年', '-').replace('년', '-').replace('月', '-').replace('월', '-')
        .replace("日", "").replace("号", "").replace("일", "");
    return n.endsWith("-") ? n.substring(0, n.length() - 1) : n;
  }

  /** A date whose month is an English name ("march") or its start from three letters on ("mar", "sept"). */
  private static Read named(String year, String monthName, String day) {
    String name = monthName.toLowerCase(Locale.ROOT);
    for (int month = 1; month <= 12; month++) {
      if (MONTHS.get(month - 1).startsWith(name)) return date(year, Integer.toString(month), day);
    }
    return null;
  }

  private static Read date(String yearText, String monthText, String dayText) {
    int year = Integer.parseInt(yearText);
    int month = Integer.parseInt(monthText);
    int day = Integer.parseInt(dayText);
    // an unlikely year is kept as the source wrote it (a steward sees it in the lineage)
    if (!CanonicalRecord.isBirthYear(year)) return null;
    try {
      return new Read(LocalDate.of(year, month, day).toString(), false);
    } catch (DateTimeException e) {
      boolean swapped = month > 12 && month <= 31 && day >= 1 && day <= 12;
      if (swapped) return new Read(yearMonth(year, month) + "-" + twoDigits(day), true);
      if (month >= 1 && month <= 12) return new Read(yearMonth(year, month), true);
      // a month no calendar has (00, 15) beside a day that can only be a day: the year and the day still agree
      // with the customer's other records, so both are kept, as written (the matcher reads the month as unknown)
      if (day >= 1 && day <= 31) {
        return new Read(fourDigits(year) + "-" + twoDigits(month) + "-" + twoDigits(day), true);
      }
      return new Read(fourDigits(year), true);
    }
  }

  private static String yearMonth(int year, int month) {
    return fourDigits(year) + "-" + twoDigits(month);
  }

  private static String fourDigits(int year) {
    return String.format(Locale.ROOT, "%04d", year);
  }

  private static String twoDigits(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
