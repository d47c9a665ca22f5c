package io.customerhub.generate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the generator's record maps as compact UTF-8 JSON into a reusable byte buffer. The maps hold only
 * strings, numbers, booleans, nulls, lists and maps, so a direct walk is all it takes; large datasets have
 * hundreds of thousands of records, and a general data binder plus a character encoder cost several times more.
 */
final class Json {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final Map<String, byte[]> keys = new HashMap<>();
  private byte[] buf = new byte[4096];
  private int len;

  /** Starts a new document; the previous bytes are dropped. */
  Json reset() {
    len = 0;
    return this;
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  Json value(Object value) {
    if (value == null) {
      ascii("null");
    } else if (value instanceof String s) {
      text(s);
    } else if (value instanceof Map<?, ?> map) {
      put('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) put(',');
        first = false;
        // Every record repeats the same few dozen field names: encode each once.
        byte[] key = keys.computeIfAbsent(e.getKey().toString(), k -> new Json().reset().text(k).put(':').copy());
        raw(key);
        value(e.getValue());
      }
      put('}');
    } else if (value instanceof List<?> list) {
      put('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) put(',');
        value(list.get(i));
      }
      put(']');
    } else if (value instanceof BigDecimal d) {
      ascii(d.toPlainString());
    } else if (value instanceof Number || value instanceof Boolean) {
      ascii(value.toString());
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
    return this;
  }

  Json newline() {
    put('\n');
    return this;
  }

  /** A JSON string; ASCII without escapes (nearly everything) is copied as the JDK encodes it. */
  private Json text(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    boolean plain = true;
    for (byte b : utf8) {
      if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
        plain = false;
        break;
      }
    }
    if (plain) {
      ensure(utf8.length + 2);
      buf[len++] = '"';
      System.arraycopy(utf8, 0, buf, len, utf8.length);
      len += utf8.length;
      buf[len++] = '"';
      return this;
    }
    escaped(s);
    return this;
  }

  private void escaped(String s) {
    ensure(s.length() * 3 + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c == '"' || c == '\\') {
          ensure(2 + (s.length() - i) * 3);
          buf[len++] = '\\';
          buf[len++] = (byte) c;
        } else if (c < 0x20) {
          ensure(6 + (s.length() - i) * 3);
          buf[len++] = '\\';
          buf[len++] = 'u';
          buf[len++] = '0';
          buf[len++] = '0';
          buf[len++] = HEX[c >> 4];
          buf[len++] = HEX[c & 0xF];
        } else {
          buf[len++] = (byte) c;
        }
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | c >> 6);
        buf[len++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xF0 | cp >> 18);
        buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buf[len++] = (byte) (0x80 | cp & 0x3F);
      } else {
        buf[len++] = (byte) (0xE0 | c >> 12);
        buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
        buf[len++] = (byte) (0x80 | c & 0x3F);
      }
    }
    buf[len++] = '"';
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
  }

  private Json put(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  private void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private byte[] copy() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int more) {
    if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
  }
}
