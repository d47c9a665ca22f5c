package io.customerhub.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Decodes the rule files (conf/profile.json, conf/risk.json, conf/routing.json) into typed records. Unknown
 * keys fail, so that a typo in a rule is an error at start and not a silently ignored setting; enum values are
 * case-insensitive so the files can use lower-case names.
 */
public final class RulesJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addModule(new JavaTimeModule())
      .build();

  private RulesJson() {
  }

  public static <T> T read(Path file, Class<T> type) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules " + file, e);
    }
    try {
      return MAPPER.readValue(text, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid rules in " + file + ": " + e.getMessage(), e);
    }
  }

  /** From an already parsed JSON object (e.g. a Vert.x {@code JsonObject#getMap()}). */
  public static <T> T convert(Map<String, ?> json, Class<T> type) {
    try {
      return MAPPER.convertValue(json, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid rules: " + e.getMessage(), e);
    }
  }
}
