package io.customerhub.generate;

import java.time.LocalDate;

/** Allocation-light formatting for the hot paths (String.format and DateTimeFormatter dominate otherwise). */
final class Format {

  private Format() {
  }

  /** {@code value} left-padded with zeros to {@code width} digits; value must not be negative. */
  static String pad(long value, int width) {
    String s = Long.toString(value);
    if (s.length() >= width) return s;
    StringBuilder b = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) b.append('0');
    return b.append(s).toString();
  }

  /** The ISO-8601 instant of an epoch second, as {@link java.time.Instant#toString()} writes it for whole seconds. */
  static String instant(long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86_400);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
    LocalDate date = LocalDate.ofEpochDay(day);
    StringBuilder b = new StringBuilder(20);
    b.append(pad(date.getYear(), 4)).append('-');
    two(b, date.getMonthValue()).append('-');
    two(b, date.getDayOfMonth()).append('T');
    two(b, secondOfDay / 3600).append(':');
    two(b, secondOfDay / 60 % 60).append(':');
    return two(b, secondOfDay % 60).append('Z').toString();
  }

  private static StringBuilder two(StringBuilder b, int v) {
    return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
