package io.customerhub.profile;

import io.customerhub.record.SourceKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Chooses golden values from candidates by the configured rule; pure and deterministic. */
public final class Survivorship {

  private Survivorship() {
  }

  /**
   * The lineage of one attribute: candidates ordered best first, the winner (or, for multi-valued attributes,
   * the union deduplicated by standardized form, best first) and the records the chosen values came from.
   */
  public static AttributeLineage choose(String attribute, SurvivorshipRule rule, List<Candidate> candidates) {
    // each candidate's standardized form, computed once: sorting would otherwise compute it per comparison
    Map<Candidate, String> forms = new IdentityHashMap<>();
    for (Candidate c : candidates) forms.put(c, Normalize.form(attribute, c.value()));
    List<Candidate> usable = candidates.stream().filter(c -> !forms.get(c).isEmpty()).toList();
    List<Candidate> ordered = new ArrayList<>(usable);
    // where a record offers several values (its e-mails, first the one it calls primary), they keep its order
    Map<Candidate, Integer> position = new IdentityHashMap<>();
    for (Candidate c : candidates) position.put(c, position.size());
    ordered.sort(order(rule, usable, forms::get, position::get));
    if (!Golden.MULTI.contains(attribute)) {
      Candidate best = ordered.isEmpty() ? null : ordered.get(0);
      return new AttributeLineage(rule.strategy().wire(), best == null ? null : best.value(),
          best == null ? List.of() : List.of(best.record()), ordered);
    }
    List<Object> values = new ArrayList<>();
    List<SourceKey> from = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Candidate c : ordered) {
      if (seen.add(forms.get(c))) {
        values.add(c.value());
        from.add(c.record());
      }
    }
    return new AttributeLineage(rule.strategy().wire(), values, from, ordered);
  }

  /** Best first by the rule; {@code form} gives each candidate's standardized form. */
  private static Comparator<Candidate> order(SurvivorshipRule rule, List<Candidate> all,
                                             Function<Candidate, String> form, Function<Candidate, Integer> position) {
    Comparator<Candidate> recent = (a, b) -> compareInstants(b.at(), a.at());
    Comparator<Candidate> priority = Comparator.comparingInt(c -> rule.rank(c.record().source()));
    // Last resort so that equal timestamps from equal-ranked sources still give one stable answer: by record, then
    // in the record's own order (its candidates come in that order; the records' order may differ from run to run)
    Comparator<Candidate> stable = Comparator.<Candidate, SourceKey>comparing(Candidate::record).thenComparing(position);
    Comparator<Candidate> first = switch (rule.strategy()) {
      case MOST_RECENT -> recent.thenComparing(priority);
      case SOURCE_PRIORITY -> priority.thenComparing(recent);
      case MOST_COMPLETE -> Comparator.<Candidate>comparingInt(c -> -Normalize.completeness(c.value()))
          .thenComparing(recent).thenComparing(priority);
      case MOST_FREQUENT -> {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Set<SourceKey>> voters = new HashMap<>();
        for (Candidate c : all) voters.computeIfAbsent(form.apply(c), k -> new HashSet<>()).add(c.record());
        voters.forEach((k, v) -> counts.put(k, v.size()));
        yield Comparator.<Candidate>comparingInt(c -> -counts.getOrDefault(form.apply(c), 0))
            .thenComparing(recent).thenComparing(priority);
      }
    };
    return first.thenComparing(stable);
  }

  /** Null timestamps count as oldest: a record that does not say when it changed never wins on recency. */
  private static int compareInstants(Instant a, Instant b) {
    if (a == null) return b == null ? 0 : -1;
    if (b == null) return 1;
    return a.compareTo(b);
  }
}
