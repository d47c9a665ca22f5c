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
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
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
