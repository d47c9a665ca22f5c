package io.customerhub.profile;

import io.customerhub.record.Address;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts values into the plain JSON types Jackson reads back untyped (Integer, Long, Double, String,
 * Boolean, List, Map), so that a stored profile equals the profile that was written.
 */
public final class JsonValues {

  private JsonValues() {
  }

  public static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) return value;
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) return ((Number) value).intValue();
    if (value instanceof Long l) return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l.intValue() : l;
    if (value instanceof BigInteger b) return plain(b.longValue());
    if (value instanceof BigDecimal d) {
      if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
        try {
          return plain(d.longValueExact());
        } catch (ArithmeticException e) {
          return d.doubleValue();
        }
      }
      return d.doubleValue();
    }
    if (value instanceof Number n) return n.doubleValue();
    if (value instanceof Address a) return address(a);
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof List<?> l) return l.stream().map(JsonValues::plain).toList();
    return value.toString();
  }

  /** The contract's address shape, every field present (null when the source gave nothing). */
  public static Map<String, Object> address(Address a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line1", a.line1());
    m.put("line2", a.line2());
    m.put("city", a.city());
    m.put("region", a.region());
    m.put("postcode", a.postcode());
    m.put("country", a.country());
    return m;
  }
}
