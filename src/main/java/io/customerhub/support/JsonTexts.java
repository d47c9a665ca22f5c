package io.customerhub.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.function.Predicate;

/** Finds text in a parsed JSON document, to name the field an answer is about. */
public final class JsonTexts {

  private JsonTexts() {
  }

  /**
   * The path ({@code addresses[0].city}) of the first string in {@code json} that {@code holds} says yes to, or of
   * the first field name it says yes to (then marked so, and shown with what UTF-8 cannot carry replaced); null when
   * there is none.
   */
  public static String pathOf(JsonObject json, Predicate<String> holds) {
    return pathOf(json.getMap(), "", holds);
  }

  private static String pathOf(Object value, String at, Predicate<String> holds) {
    if (value instanceof JsonObject o) value = o.getMap();
    if (value instanceof JsonArray a) value = a.getList();
    if (value instanceof String s) return holds.test(s) ? at : null;
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String name = String.valueOf(e.getKey());
        if (holds.test(name)) return (at.isEmpty() ? "" : at + ".") + LoneSurrogates.replaced(name) + " (a field name)";
        String found = pathOf(e.getValue(), at.isEmpty() ? name : at + "." + name, holds);
        if (found != null) return found;
      }
    }
    if (value instanceof Iterable<?> list) {
      int i = 0;
      for (Object item : list) {
        String found = pathOf(item, at + "[" + i++ + "]", holds);
        if (found != null) return found;
      }
    }
    return null;
  }
}
