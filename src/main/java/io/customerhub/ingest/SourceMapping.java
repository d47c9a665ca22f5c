package io.customerhub.ingest;

import io.customerhub.record.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one source's native field names map to the canonical record ({@code conf/sources/NAME.json}), so that a new
 * source needs configuration, not code. Canonical fields already present in the input always win, so records that
 * arrive in canonical form pass through unchanged. {@code monthFirst}: its dates with the year last are written month
 * first; {@code datesDeclared}: the mapping says so or says day first, where otherwise the hub learns it from the
 * dates the source sends ({@link DateOrders}).
 */
public record SourceMapping(String name, String topic, Kind defaultKind, Map<String, List<String>> fields,
                            boolean monthFirst, boolean datesDeclared) {

  /** How a mapping file says that a source writes dates with the year last month first (03/07/1990 is March 7). */
  static final String MONTH_FIRST = "month-first";
  static final String DAY_FIRST = "day-first";
  /** What a mapping file holds; entries whose names start with {@code _} are comments. */
  private static final List<String> SETTINGS = List.of("name", "topic", "defaultKind", "fields", "dates");

  /** The mapping used for sources that have no file in {@code conf/sources}: canonical input only. */
  public static SourceMapping canonicalOnly(String name) {
    return new SourceMapping(name, null, null, Map.of(), false, false);
  }

  static SourceMapping fromJson(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!key.startsWith("_") && !SETTINGS.contains(key)) {
        throw new IllegalArgumentException(key + ": no such setting of a source mapping (misspelt?); a mapping has "
            + String.join(", ", SETTINGS));
      }
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    JsonObject f = json.getJsonObject("fields", new JsonObject());
    for (String target : f.fieldNames()) {
      if (target.startsWith("_")) continue;
      MappingTargets.check(target);
      Object spec = f.getValue(target);
      List<String> sources = new ArrayList<>();
      if (spec instanceof JsonArray arr) arr.forEach(v -> sources.add(String.valueOf(v)));
      else sources.add(String.valueOf(spec));
      fields.put(target, List.copyOf(sources));
    }
    Object declared = json.getValue("dates");
    String dates = declared == null ? DAY_FIRST : declared.toString();
    if (!dates.equals(DAY_FIRST) && !dates.equals(MONTH_FIRST)) {
      throw new IllegalArgumentException("dates: '" + dates + "' is neither " + DAY_FIRST + " nor " + MONTH_FIRST);
    }
    String kind = json.getString("defaultKind");
    Kind defaultKind = kind == null ? null : Kind.fromWire(kind).orElseThrow(() -> new IllegalArgumentException(
        "defaultKind: '" + kind + "' is none of person, organization, order"));
    return new SourceMapping(json.getString("name"), json.getString("topic"), defaultKind, Map.copyOf(fields),
        dates.equals(MONTH_FIRST), declared != null);
  }

  /** Returns a new object in canonical shape; the input is not modified. */
  public JsonObject apply(JsonObject input) {
    if (fields.isEmpty()) return input;
    JsonObject out = input.copy();
    for (Map.Entry<String, List<String>> e : fields.entrySet()) {
      String target = e.getKey();
      List<Object> values = new ArrayList<>();
      for (String sourceField : e.getValue()) {
        Object v = input.getValue(sourceField);
        if (v != null && !(v instanceof String s && s.isBlank())) values.add(v);
        if (!sourceField.equals(target)) out.remove(sourceField);
      }
      if (values.isEmpty()) continue;
      set(out, target, e.getValue().size() > 1 ? new JsonArray(values) : values.get(0));
    }
    return out;
  }

  /**
   * Sets {@code a.b}, {@code a[0].b} style paths, never overwriting a canonical value the input already had. Where
   * the input holds something other than an object on the way (a one-line address, a string customerRef), that
   * value is the input's own and wins like any canonical value: it is left for the decoder to read or refuse,
   * naming the field, instead of being replaced or failing the record.
   */
  private static void set(JsonObject root, String path, Object value) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1 && node != null; i++) node = child(node, parts[i]);
    if (node == null) return;
    String leaf = parts[parts.length - 1];
    if (node.getValue(leaf) == null) node.put(leaf, value);
  }

  /** The object at {@code part} of {@code node}, created where there is none; null where a value of another type is. */
  private static JsonObject child(JsonObject node, String part) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      Object existing = node.getValue(part);
      if (existing instanceof JsonObject o) return o;
      if (existing != null) return null;
      JsonObject created = new JsonObject();
      node.put(part, created);
      return created;
    }
    String name = part.substring(0, bracket);
    int index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
    Object existing = node.getValue(name);
    // a single value where the contract has a list is read as a list of one (as the decoder reads it)
    JsonArray arr = existing instanceof JsonArray a ? a : existing == null ? new JsonArray() : new JsonArray().add(existing);
    node.put(name, arr);
    while (arr.size() <= index) arr.add(new JsonObject());
    Object element = arr.getValue(index);
    if (element == null) arr.set(index, element = new JsonObject());
    return element instanceof JsonObject o ? o : null;
  }
}
