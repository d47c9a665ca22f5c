package io.customerhub.config;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * One section of the configuration ({@code http}, {@code resolve}, …) as its readers see it: every value checked for
 * its type and range, and refused naming the setting and its environment variable, at start. A setting the file
 * leaves out takes its environment variable all the same, and its default without either. Without this, a port past
 * 65535 wrapped around, a batch size of 0 hung the first ingest, a body limit of -1 meant none, and a TTL of -5
 * minutes made tokens that never expire.
 */
final class Settings {

  private final JsonObject json;
  private final String section;
  private final Map<String, String> env;
  private final java.util.Set<String> read = new java.util.HashSet<>();

  Settings(JsonObject root, String section, Map<String, String> env) {
    Object value = root.getValue(section);
    if (value != null && !(value instanceof JsonObject)) {
      throw new IllegalArgumentException(section + ": must be an object of settings, not " + value);
    }
    this.json = value == null ? new JsonObject() : (JsonObject) value;
    this.section = section;
    this.env = env;
  }

  int integer(String key, int fallback, int min, int max) {
    return (int) whole(key, fallback, min, max);
  }

  long whole(String key, long fallback, long min, long max) {
    Object v = value(key);
    if (v == null) return fallback;
    java.math.BigDecimal n;
    try {
      // exactly as written, however large: a long's or an int's conversion would wrap 2^32 + 8080 round to 8080
      n = new java.math.BigDecimal((v instanceof Number || v instanceof String) ? v.toString().strip() : "x");
    } catch (NumberFormatException e) {
      throw wrong(key, "must be a whole number, not " + (v instanceof String ? "'" + v + "'" : v));
    }
    if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) throw wrong(key, "must be a whole number, not " + v);
    if (n.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || n.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      throw wrong(key, "must be from " + min + " to " + max + ", not " + v);
    }
    return n.longValueExact();
  }

  double decimal(String key, double fallback, double min, double max) {
    Object v = value(key);
    if (v == null) return fallback;
    double d;
    if (v instanceof Number number) {
      d = number.doubleValue();
    } else if (v instanceof String s) {
      try {
        d = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        throw wrong(key, "must be a number, not '" + s + "'");
      }
    } else {
      throw wrong(key, "must be a number, not " + v);
    }
    if (!(d >= min && d <= max)) throw wrong(key, "must be from " + min + " to " + max + ", not " + d);
    return d;
  }

  boolean flag(String key, boolean fallback) {
    Object v = value(key);
    if (v == null) return fallback;
    if (v instanceof Boolean b) return b;
    if (v instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.strip());
    }
    throw wrong(key, "must be true or false, not '" + v + "'");
  }

  String text(String key, String fallback) {
    Object v = value(key);
    if (v == null) return fallback;
    if (v instanceof String || v instanceof Number) return v.toString();
    throw wrong(key, "must be a text, not " + v);
  }

  /**
   * A text that must say something: a name (a cluster's, a consumer group's, a topic's) left empty joined a
   * cluster named "" or a group of no name without a word.
   */
  String name(String key, String fallback) {
    String v = text(key, fallback);
    if (v == null || v.isBlank()) throw wrong(key, "must not be empty");
    return v.strip();
  }

  /** A list: the file's array, or the comma-separated values of its variable; each item as text. */
  java.util.List<String> list(String key, java.util.List<String> fallback) {
    Object v = value(key);
    if (v == null) return fallback;
    if (v instanceof io.vertx.core.json.JsonArray a) return a.stream().map(String::valueOf).toList();
    if (v instanceof String s) {
      return java.util.Arrays.stream(s.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
    throw wrong(key, "must be a list, not " + v);
  }

  /**
   * The keys of the section its readers never asked for, besides {@code alsoRead} (read without this class): a
   * misspelt {@code maxBodyByte} that would leave the setting at its default without a word.
   */
  java.util.List<String> unread(String... alsoRead) {
    java.util.Set<String> known = new java.util.HashSet<>(read);
    known.addAll(java.util.List.of(alsoRead));
    return json.fieldNames().stream().filter(k -> !known.contains(k)).sorted().map(k -> section + "." + k).toList();
  }

  /** The file's value, or the environment's where the file leaves the setting out. */
  private Object value(String key) {
    read.add(key);
    if (json.containsKey(key)) return json.getValue(key);
    return ConfigLoader.lookup(env, variable(key));
  }

  private String variable(String key) {
    return "HUB_" + ConfigLoader.snake(section) + "_" + ConfigLoader.snake(key);
  }

  private IllegalArgumentException wrong(String key, String why) {
    return new IllegalArgumentException(section + "." + key + " (" + variable(key) + "): " + why);
  }
}
