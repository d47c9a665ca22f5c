package io.customerhub.resolve.standardize;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact text form of a {@link StandardRecord}: a version, then fields separated by '|', list items by
 * ';', address parts by '^'; '%' escapes those characters (%25, %7C, %3B, %5E). An empty field is null or an
 * empty list — standardized values are never empty strings, so the form is lossless.
 */
final class RecordCodec {

  /** s4 added the other readings of a name in hanzi after the generation, before the blocking keys. */
  static final String VERSION = "s4";
  /** s3 added the generational suffix of a name after the traits, before the blocking keys; still read. */
  static final String VERSION_WITHOUT_READINGS = "s3";
  /** s2 added a person's gender and occupation before the blocking keys; still read (see StandardRecord#fields). */
  static final String VERSION_WITHOUT_GENERATION = "s2";
  /** What hubs stored before s2; still read. */
  static final String VERSION_WITHOUT_TRAITS = "s1";

  private RecordCodec() {
  }

  /** Whether {@code encoded} starts as a form this codec reads. */
  static boolean readable(String encoded) {
    return encoded.startsWith(VERSION + "|") || encoded.startsWith(VERSION_WITHOUT_READINGS + "|")
        || encoded.startsWith(VERSION_WITHOUT_GENERATION + "|") || encoded.startsWith(VERSION_WITHOUT_TRAITS + "|");
  }

  static void field(StringBuilder sb, String value) {
    sb.append('|');
    if (value != null) escape(sb, value);
  }

  static void list(StringBuilder sb, List<String> values) {
    sb.append('|');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) sb.append(';');
      escape(sb, values.get(i));
    }
  }

  static void addresses(StringBuilder sb, List<StandardAddress> values) {
    sb.append('|');
    for (int i = 0; i < values.size(); i++) {
      StandardAddress a = values.get(i);
      if (i > 0) sb.append(';');
      escapeNullable(sb, a.line());
      sb.append('^');
      escapeNullable(sb, a.city());
      sb.append('^');
      escapeNullable(sb, a.region());
      sb.append('^');
      escapeNullable(sb, a.postcode());
      sb.append('^');
      escapeNullable(sb, a.country());
    }
  }

  /** Readings as items of system^given^family. */
  static void readings(StringBuilder sb, List<NameReading> values) {
    sb.append('|');
    for (int i = 0; i < values.size(); i++) {
      NameReading r = values.get(i);
      if (i > 0) sb.append(';');
      escape(sb, r.system());
      sb.append('^');
      escapeNullable(sb, r.given());
      sb.append('^');
      escapeNullable(sb, r.family());
    }
  }

  private static void escapeNullable(StringBuilder sb, String s) {
    if (s != null) escape(sb, s);
  }

  private static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '%' -> sb.append("%25");
        case '|' -> sb.append("%7C");
        case ';' -> sb.append("%3B");
        case '^' -> sb.append("%5E");
        default -> sb.append(c);
      }
    }
  }

  static String unescape(String s) {
    if (s.indexOf('%') < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      if (i + 2 >= s.length()) throw new IllegalArgumentException("bad escape in standard record: " + s);
      sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
      i += 2;
    }
    return sb.toString();
  }

  /** Splits on an unescaped separator; escaped separators never appear raw, so a plain split is exact. */
  static List<String> split(String s, char sep) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == sep) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  static String nullable(String raw) {
    return raw.isEmpty() ? null : unescape(raw);
  }

  static List<String> items(String raw) {
    if (raw.isEmpty()) return List.of();
    List<String> out = new ArrayList<>();
    for (String p : split(raw, ';')) out.add(unescape(p));
    return out;
  }

  static List<NameReading> readingItems(String raw) {
    if (raw.isEmpty()) return List.of();
    List<NameReading> out = new ArrayList<>();
    for (String p : split(raw, ';')) {
      List<String> f = split(p, '^');
      if (f.size() != 3) throw new IllegalArgumentException("bad name reading in standard record: " + p);
      out.add(new NameReading(unescape(f.get(0)), nullable(f.get(1)), nullable(f.get(2))));
    }
    return out;
  }

  static List<StandardAddress> addressItems(String raw) {
    if (raw.isEmpty()) return List.of();
    List<StandardAddress> out = new ArrayList<>();
    for (String p : split(raw, ';')) {
      List<String> f = split(p, '^');
      if (f.size() != 5) throw new IllegalArgumentException("bad address in standard record: " + p);
      out.add(new StandardAddress(nullable(f.get(0)), nullable(f.get(1)), nullable(f.get(2)), nullable(f.get(3)),
          nullable(f.get(4))));
    }
    return out;
  }
}
