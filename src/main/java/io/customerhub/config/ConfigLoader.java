package io.customerhub.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code conf/hub.json} and applies environment overrides. Every leaf setting {@code a.bC} can be
 * overridden by {@code HUB_A_B_C}; the contract's short names ({@code HUB_PG_URL}, {@code HUB_JWT_SECRET},
 * {@code HUB_HZ_MEMBERS}) are aliases. Lists are given as comma-separated values.
 */
public final class ConfigLoader {

  private static final Map<String, String> ALIASES = Map.of(
      "HUB_PG_URL", "HUB_POSTGRES_URL",
      "HUB_JWT_SECRET", "HUB_AUTH_JWT_SECRET",
      "HUB_HZ_MEMBERS", "HUB_HAZELCAST_MEMBERS",
      "HUB_HZ_CLUSTER", "HUB_HAZELCAST_CLUSTER_NAME",
      "HUB_PORT", "HUB_HTTP_PORT");

  private ConfigLoader() {
  }

  /** The configuration directory: {@code HUB_CONF_DIR}, else {@code conf/} under {@code hub.home}, else ./conf. */
  public static Path confDir() {
    String dir = System.getenv("HUB_CONF_DIR");
    if (dir != null && !dir.isBlank()) return Path.of(dir);
    return Path.of(System.getProperty("hub.home", ".")).resolve("conf");
  }

  public static HubConfig load(Path configFile, Map<String, String> env) {
    JsonObject json = read(configFile);
    withOidcSection(json);
    applyOverrides(json, "HUB", env);
    return HubConfig.from(json, configFile.toAbsolutePath().getParent(), env);
  }

  public static HubConfig loadDefault() {
    return load(confDir().resolve("hub.json"), System.getenv());
  }

  /**
   * The OIDC settings as the shipped file spells them out, where a file leaves the section out: overrides apply to
   * the keys a file has, and HUB_AUTH_OIDC_ISSUER alone then turned nothing on, silently (the other sections'
   * settings are read with their variables one by one).
   */
  private static void withOidcSection(JsonObject json) {
    Object auth = json.getValue("auth");
    if (auth != null && !(auth instanceof JsonObject)) return; // HubConfig says what is wrong with it
    JsonObject a = auth == null ? new JsonObject() : (JsonObject) auth;
    if (a.containsKey("oidc")) return;
    Oidc off = Oidc.OFF; // its defaults, the shipped file's
    a.put("oidc", new JsonObject().putNull("issuer").putNull("jwksUri").put("audience", new JsonArray())
        .put("rolesClaim", off.rolesClaim()).put("roleMap", new JsonArray()).put("subjectClaim", off.subjectClaim())
        .put("leewaySeconds", off.leewaySeconds()).put("keysRefreshMinutes", off.keysRefreshMinutes())
        .putNull("consoleClientId"));
    if (auth == null) json.put("auth", a);
  }

  static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration " + file, e);
    }
  }

  static void applyOverrides(JsonObject node, String prefix, Map<String, String> env) {
    for (String field : node.fieldNames()) {
      String var = prefix + "_" + snake(field);
      Object value = node.getValue(field);
      if (value instanceof JsonObject child) {
        applyOverrides(child, var, env);
        continue;
      }
      String override = lookup(env, var);
      if (override == null) continue;
      node.put(field, coerce(value, override, var));
    }
  }

  static String lookup(Map<String, String> env, String var) {
    String direct = env.get(var);
    if (direct != null) return direct;
    for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
      if (alias.getValue().equals(var) && env.get(alias.getKey()) != null) return env.get(alias.getKey());
    }
    return null;
  }

  /** The variable's text as the file's value was: a list from comma-separated values, a number, true or false. */
  private static Object coerce(Object current, String text, String var) {
    String t = text.trim();
    if (current instanceof JsonArray) {
      return new JsonArray(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
    try {
      if (current instanceof Integer || current instanceof Long) return Long.parseLong(t);
      if (current instanceof Double || current instanceof Float) return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(var + ": must be a number, not '" + text + "'");
    }
    if (current instanceof Boolean) {
      // anything but "true" read as false turned safety settings off in silence (HUB_HTTP_REQUIRE_IF_MATCH=yes)
      if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(var + ": must be true or false, not '" + text + "'");
      }
      return Boolean.parseBoolean(t);
    }
    return text;
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
