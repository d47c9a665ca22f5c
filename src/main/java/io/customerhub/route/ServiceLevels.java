package io.customerhub.route;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time allowed per customer segment (tier, or {@code unknown}) and item type, as ISO-8601 durations, e.g.
 * {@code {"platinum": {"default": "PT4H", "complaint": "PT2H"}}}. Lookup falls back from the exact type to the
 * segment's {@code default}, then to the {@code default} segment, then to 48 hours. Types are compared without
 * case and surrounding spaces.
 */
public record ServiceLevels(Map<String, Map<String, Duration>> bySegment) {

  public static final String DEFAULT = "default";
  public static final String UNKNOWN = "unknown";
  private static final Duration FALLBACK = Duration.ofHours(48);

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ServiceLevels {
    Map<String, Map<String, Duration>> segments = new HashMap<>();
    bySegment.forEach((segment, types) -> {
      Map<String, Duration> byType = new HashMap<>();
      types.forEach((type, allowed) -> {
        if (allowed == null || allowed.isNegative() || allowed.isZero()) {
          throw new IllegalArgumentException("serviceLevels." + segment + "." + type + ": a time allowed must be "
              + "longer than nothing, got " + allowed);
        }
        if (byType.put(typeKey(type), allowed) != null) {
          throw new IllegalArgumentException("serviceLevels." + segment + ": two types read as '" + typeKey(type)
              + "' (types are compared without case)");
        }
      });
      segments.put(segment, Map.copyOf(byType));
    });
    bySegment = Map.copyOf(segments);
  }

  /** An item's type as looked up: "Complaint" from one caller and "complaint" from another are one type. */
  private static String typeKey(String type) {
    return type.strip().toLowerCase(Locale.ROOT);
  }

  @JsonValue
  public Map<String, Map<String, Duration>> bySegment() {
    return bySegment;
  }

  public static ServiceLevels defaults() {
    return new ServiceLevels(Map.of(
        DEFAULT, Map.of(DEFAULT, Duration.ofHours(48), "complaint", Duration.ofHours(24)),
        "platinum", Map.of(DEFAULT, Duration.ofHours(4), "complaint", Duration.ofHours(2)),
        "gold", Map.of(DEFAULT, Duration.ofHours(8), "complaint", Duration.ofHours(4)),
        "silver", Map.of(DEFAULT, Duration.ofHours(24)),
        UNKNOWN, Map.of(DEFAULT, Duration.ofHours(72))));
  }

  Duration lookup(String segment, String rawType) {
    String type = rawType == null ? null : typeKey(rawType);
    Map<String, Duration> own = bySegment.getOrDefault(segment, Map.of());
    Map<String, Duration> fallback = bySegment.getOrDefault(DEFAULT, Map.of());
    if (type != null && own.containsKey(type)) return own.get(type);
    if (own.containsKey(DEFAULT)) return own.get(DEFAULT);
    if (type != null && fallback.containsKey(type)) return fallback.get(type);
    return fallback.getOrDefault(DEFAULT, FALLBACK);
  }
}
