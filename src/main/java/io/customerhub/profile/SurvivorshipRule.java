package io.customerhub.profile;

import java.util.List;
import java.util.Locale;

/**
 * How one attribute's golden value is chosen among the candidates. Every strategy falls back to the next
 * criteria (recency, source priority, record key) so the choice never depends on the order members arrive in,
 * which is what makes a split reproduce each side exactly.
 */
public record SurvivorshipRule(Strategy strategy, List<String> sources) {

  public enum Strategy {
    /** The newest record's value. */
    MOST_RECENT,
    /** The value of the first source in {@code sources}, e.g. ERP for legal name and tax id. */
    SOURCE_PRIORITY,
    /** The longest / fullest value, e.g. a full name or an address with every line. */
    MOST_COMPLETE,
    /**
     * The value most member records agree on (by standardized form), counting the records whose other values back
     * it (a national id with the birth date in it, a nickname of the formal name); among values as many records
     * back, the one that is not unlikely (an initial, a given name nobody knows), then the first source in
     * {@code sources}, then the newest.
     */
    MOST_FREQUENT;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The name in configuration and lineage (most_frequent); kept, as every assembled attribute names it. */
    public String wire() {
      return wire;
    }
  }

  public SurvivorshipRule {
    if (strategy == null) strategy = Strategy.MOST_RECENT;
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  public static SurvivorshipRule of(Strategy strategy, String... sources) {
    return new SurvivorshipRule(strategy, List.of(sources));
  }

  /** Rank of a source under this rule's priority list; unlisted sources come after every listed one. */
  int rank(String source) {
    int i = sources.indexOf(source);
    return i < 0 ? sources.size() : i;
  }
}
