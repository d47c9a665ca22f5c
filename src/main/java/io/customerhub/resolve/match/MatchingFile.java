package io.customerhub.resolve.match;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of conf/matching.json: which entries it has and what each holds. An entry it does not have, or a value of
 * the wrong type, is refused at start naming it, as in the other rule files: a misspelt {@code mergeProbabilty} left
 * the threshold at its default, and {@code "mergeProbability": "high"} or a block size of 2.5 read as the default or
 * as 2, all without a word. Entries whose names start with {@code _} are comments.
 */
final class MatchingFile {

  private static final Set<String> TOP_LEVEL = Set.of("version", "nicknames", "surnameVariants");
  private static final Map<String, Set<String>> SECTIONS = Map.of(
      "standardize", Set.of("defaultRegion", "stripGmailDots"),
      "blocking", Set.of("rules", "batchRules", "maxBlockSize", "window"),
      "compare", Set.of("nameNear", "nameSimilar", "tfMinimum"),
      "decision", Set.of("mergeProbability", "reviewProbability"),
      "guard", Set.of("maxClusterSize"),
      "training", Set.of("maxIterations", "randomPairs", "maxPairs", "maxRecords"));

  private final JsonNode root;

  private MatchingFile(JsonNode root) {
    this.root = root;
  }

  /** The file's content, every entry's name checked. */
  static MatchingFile of(JsonNode root) {
    if (!root.isObject()) throw wrong("the file", "must be a JSON object, not " + root.getNodeType());
    for (String name : names(root)) {
      if (TOP_LEVEL.contains(name)) continue;
      Set<String> known = SECTIONS.get(name);
      if (known == null) {
        Set<String> all = new TreeSet<>(TOP_LEVEL);
        all.addAll(SECTIONS.keySet());
        throw wrong(name, "no such entry (misspelt?); the file has " + String.join(", ", all));
      }
      JsonNode section = root.get(name);
      if (!section.isObject()) throw wrong(name, "must be an object of settings, not " + section);
      for (String key : names(section)) {
        if (!known.contains(key)) {
          throw wrong(name + "." + key, "no such setting (misspelt?); " + name + " has "
              + String.join(", ", new TreeSet<>(known)));
        }
      }
    }
    return new MatchingFile(root);
  }

  String text(String name, String fallback) {
    return text(root.get(name), name, fallback);
  }

  String text(String section, String key, String fallback) {
    return text(root.path(section).get(key), section + "." + key, fallback);
  }

  boolean flag(String section, String key, boolean fallback) {
    JsonNode v = given(section, key);
    if (v == null) return fallback;
    if (!v.isBoolean()) throw wrong(section + "." + key, "must be true or false, not " + v);
    return v.booleanValue();
  }

  double number(String section, String key, double fallback) {
    JsonNode v = given(section, key);
    if (v == null) return fallback;
    if (!v.isNumber()) throw wrong(section + "." + key, "must be a number, not " + v);
    return v.doubleValue();
  }

  int whole(String section, String key, int fallback) {
    JsonNode v = given(section, key);
    if (v == null) return fallback;
    if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
      throw wrong(section + "." + key, "must be a whole number up to " + Integer.MAX_VALUE + ", not " + v);
    }
    return v.intValue();
  }

  /** A list of names, or null (the default) where the entry is missing. */
  List<String> names(String section, String key) {
    JsonNode v = given(section, key);
    if (v == null) return null;
    if (!v.isArray()) throw wrong(section + "." + key, "must be a list of names, not " + v);
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) throw wrong(section + "." + key, "must be a list of names, not " + v);
      out.add(item.asText());
    }
    return out;
  }

  /** A setting's value, or null where the file leaves it out or gives null (its default, then). */
  private JsonNode given(String section, String key) {
    JsonNode v = root.path(section).get(key);
    return v == null || v.isNull() ? null : v;
  }

  private static String text(JsonNode v, String entry, String fallback) {
    if (v == null || v.isNull()) return fallback;
    if (!v.isTextual()) throw wrong(entry, "must be a text, not " + v);
    return v.asText();
  }

  /** The entries' names, comments left out. */
  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(n -> {
      if (!n.startsWith("_")) out.add(n);
    });
    return out;
  }

  private static IllegalArgumentException wrong(String entry, String why) {
    return new IllegalArgumentException("matching configuration: " + entry + ": " + why);
  }
}
