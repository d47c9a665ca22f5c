package io.customerhub.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A record's JSON text, parsed. Python's {@code json.dumps} writes a missing value of a data frame (a float NaN) as
 * the bare word {@code NaN}, which JSON does not have: rejecting such a line would lose a good record for a field
 * it does not have. Such a line is read a second time with NaN and Infinity allowed, and those values become null,
 * each named in a warning. Lines of standard JSON take the first, usual parse only.
 *
 * @param json     the object, without non-numbers
 * @param text     the text to store as the record's raw form: the input, or the object written again when a
 *                 non-number was taken out (the database's json type refuses NaN too)
 * @param warnings one per value taken out, naming its path
 */
public record LenientJson(JsonObject json, String text, List<String> warnings) {

  /** Reads NaN and Infinity, and writes them back as such (not as strings), so that {@link #parse} finds them. */
  private static final ObjectMapper NON_NUMBERS = new ObjectMapper(JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build());

  /** @throws DecodeException when the text is no JSON object, with or without non-numbers */
  @SuppressWarnings("unchecked")
  public static LenientJson parse(String text) {
    if (text == null || text.isBlank()) throw new DecodeException("empty input");
    try {
      JsonObject json = new JsonObject(text);
      // 1e400 is valid JSON that a double cannot hold: the parser reads it as Infinity, which nothing downstream
      // can use (nor the database's json type store), so it goes as a non-number does. It is looked for among the
      // parsed values: a regex over every line's text for what might overflow took 3% of a bulk load's CPU
      if (!holdsNonNumber(json.getMap())) return new LenientJson(json, text, List.of());
      List<String> warnings = new ArrayList<>();
      JsonObject clean = new JsonObject((Map<String, Object>) withoutNonNumbers(json.getMap(), "", warnings));
      return new LenientJson(clean, clean.encode(), List.copyOf(warnings));
    } catch (DecodeException standard) {
      if (!text.contains("NaN") && !text.contains("Infinity")) throw standard;
      Map<?, ?> map;
      try {
        map = NON_NUMBERS.readValue(text, Map.class);
      } catch (Exception | StackOverflowError e) {
        throw standard;
      }
      List<String> warnings = new ArrayList<>();
      Object clean = withoutNonNumbers(map, "", warnings);
      JsonObject json = new JsonObject((Map<String, Object>) clean);
      return new LenientJson(json, json.encode(), List.copyOf(warnings));
    }
  }

  /**
   * The records of a body that is one JSON array, or one object laid over several lines ({@code [...]} or
   * {@code {...}}), each as one line of text: non-numbers stay as they are, for {@link #parse} to take out with a
   * warning; an element that is no object is null.
   *
   * @throws DecodeException when the body is neither
   */
  public static List<String> records(String body) {
    Object value;
    try {
      value = NON_NUMBERS.readValue(body, Object.class);
    } catch (Exception | StackOverflowError e) {
      throw new DecodeException(e.getMessage());
    }
    List<?> elements = value instanceof List<?> l ? l : value instanceof Map<?, ?> ? List.of(value) : null;
    if (elements == null) throw new DecodeException("neither a JSON object nor an array");
    List<String> out = new ArrayList<>(elements.size());
    for (Object e : elements) {
      try {
        out.add(e instanceof Map<?, ?> ? NON_NUMBERS.writeValueAsString(e) : null);
      } catch (Exception writing) {
        throw new DecodeException(writing.getMessage());
      }
    }
    return out;
  }

  /**
   * How deep a record may nest arrays and objects. No customer record nests anywhere near it; the stored profile
   * nests a record's attributes a few levels deeper (lineage, candidates), and JSON writers refuse more than 1,000
   * levels, so a record the parser still takes would be stored and then fail to be written as a profile.
   */
  public static final int MAX_RECORD_DEPTH = 100;

  /** Whether a parsed value nests arrays and objects more than {@code limit} levels deep (the value itself is 1). */
  public static boolean deeperThan(Object v, int limit) {
    if (v instanceof JsonObject o) v = o.getMap();
    if (v instanceof JsonArray a) v = a.getList();
    if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) return false;
    if (limit <= 0) return true;
    Iterable<?> children = v instanceof Map<?, ?> m ? m.values() : (List<?>) v;
    for (Object x : children) if (deeperThan(x, limit - 1)) return true;
    return false;
  }

  /** Whether a parsed value is or holds a NaN or an infinite double (an integer however long is read exactly). */
  private static boolean holdsNonNumber(Object v) {
    if (v instanceof Double d) return d.isNaN() || d.isInfinite();
    if (v instanceof JsonObject o) v = o.getMap();
    if (v instanceof JsonArray a) v = a.getList();
    if (v instanceof Map<?, ?> m) {
      for (Object x : m.values()) if (holdsNonNumber(x)) return true;
    } else if (v instanceof List<?> l) {
      for (Object x : l) if (holdsNonNumber(x)) return true;
    }
    return false;
  }

  private static Object withoutNonNumbers(Object v, String path, List<String> warnings) {
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      warnings.add(path + ": " + d + " is no value; read as missing");
      return null;
    }
    if (v instanceof JsonObject o) v = o.getMap();
    if (v instanceof JsonArray a) v = a.getList();
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put((String) k, withoutNonNumbers(x, path.isEmpty() ? (String) k : path + "." + k,
          warnings)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) out.add(withoutNonNumbers(l.get(i), path + "[" + i + "]", warnings));
      return out;
    }
    return v;
  }
}
