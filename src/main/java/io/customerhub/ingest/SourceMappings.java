package io.customerhub.ingest;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The configured sources ({@code conf/sources/*.json}); unknown but well-formed source names get canonical input. */
public final class SourceMappings {

  private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private final Map<String, SourceMapping> byName;

  public SourceMappings(Map<String, SourceMapping> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static SourceMappings load(Path confDir) {
    Path dir = confDir.resolve("sources");
    Map<String, SourceMapping> map = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
          SourceMapping m;
          try {
            m = SourceMapping.fromJson(new JsonObject(Files.readString(file)));
          } catch (io.vertx.core.json.DecodeException e) {
            throw new IllegalArgumentException(file + ": is not a JSON object (" + e.getMessage().lines().findFirst()
                .orElse("") + ")", e);
          } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
          }
          // one file, one source: a mapping named after another file's source would replace it, which one depending
          // on the order the directory lists them in
          String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
          if (m.name() == null) {
            throw new IllegalArgumentException(file + ": name: is required (the source's name, " + expected + ")");
          }
          if (!m.name().equals(expected)) {
            throw new IllegalArgumentException(file + ": names source '" + m.name() + "'; a mapping's file is named "
                + "after its source (" + m.name() + ".json)");
          }
          map.put(m.name(), m);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read source mappings in " + dir, e);
      }
    }
    return new SourceMappings(map);
  }

  public static boolean isValidName(String source) {
    return source != null && SOURCE_NAME.matcher(source).matches();
  }

  /** The mapping for a source, or empty when the name itself is not acceptable. */
  public Optional<SourceMapping> forSource(String source) {
    if (!isValidName(source)) return Optional.empty();
    return Optional.of(byName.getOrDefault(source, SourceMapping.canonicalOnly(source)));
  }

  public Collection<SourceMapping> configured() {
    return byName.values();
  }
}
