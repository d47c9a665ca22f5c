package io.customerhub.profile;

import io.customerhub.record.SourceKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Chooses golden values from candidates by the configured rule; pure and deterministic. */
public final class Survivorship {

  private Survivorship() {
  }

  /**
   * The lineage of one attribute: candidates ordered best first, the winner (or, for multi-valued attributes,
   * the union deduplicated by standardized form, and addresses by the place they name, best first) and the
   * records the chosen values came from.
   */
  public static AttributeLineage choose(String attribute, SurvivorshipRule rule, List<Candidate> candidates) {
    return choose(attribute, rule, candidates, Evidence.NONE);
  }

  /**
   * What a profile's other values say of an attribute's candidates (by {@link Normalize#form}), see
   * {@link Corroboration}.
   *
   * @param backing records that back a value without offering it for this attribute, each with how (its national
   *                id, which has the birth date in it; its given name, a nickname of the formal one): under
   *                most_frequent they count as votes for it
   * @param doubts  values that come after the others the votes leave level with them, each with why (a given name
   *                nobody knows beside one everybody does; an initial)
   * @param refuted values that come after every other, whatever the votes, each with why, as those that show they
   *                were mistyped do ({@link ValueChecks}): a full name that does not spell the golden given and family
   *                name beside one that does
   */
  public record Evidence(Map<String, Map<SourceKey, String>> backing, Map<String, String> doubts,
                         Map<String, String> refuted) {
    public static final Evidence NONE = new Evidence(Map.of(), Map.of(), Map.of());

    public Evidence(Map<String, Map<SourceKey, String>> backing, Map<String, String> doubts) {
      this(backing, doubts, Map.of());
    }

    /** This evidence with {@code refuted} in place of its own. */
    public Evidence refuting(Map<String, String> refuted) {
      return new Evidence(backing, doubts, refuted);
    }
  }

  /**
   * As {@link #choose(String, SurvivorshipRule, List)}, weighing {@code evidence} under most_frequent. Under every
   * strategy a value that shows it was mistyped or misread ({@link ValueChecks}) comes after every other.
   */
  public static AttributeLineage choose(String attribute, SurvivorshipRule rule, List<Candidate> candidates,
                                        Evidence evidence) {
    // each candidate with its standardized form, computed once (sorting would otherwise compute it per
    // comparison) and its place in the list: where a record offers several values (its e-mails, first the one
    // it calls primary), they keep its order
    List<Ranked> ranked = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      String form = Normalize.form(attribute, c.value());
      if (!form.isEmpty()) ranked.add(new Ranked(c, form, i));
    }
    // most attributes of most profiles have one value, however many records give it: nothing to doubt or explain
    boolean disagree = false;
    for (Ranked r : ranked) disagree |= !r.form().equals(ranked.get(0).form());
    Map<String, String> doubtful = disagree
        ? ValueChecks.doubtful(attribute, ranked.stream().map(Ranked::form).distinct().toList()) : Map.of();
    if (disagree && !evidence.refuted().isEmpty()) {
      doubtful = new HashMap<>(doubtful);
      evidence.refuted().forEach(doubtful::putIfAbsent);
    }
    // one candidate, as most attributes of a new profile have, has nothing to be ordered against
    if (ranked.size() > 1) ranked.sort(order(rule, ranked, evidence, doubtful.keySet()));
    List<Candidate> ordered = ordered(ranked);
    if (!Golden.MULTI.contains(attribute)) {
      Candidate best = ordered.isEmpty() ? null : ordered.get(0);
      boolean swapped = anySwapped(ordered);
      return new AttributeLineage(rule.strategy().wire(), best == null ? null : best.value(),
          best == null ? List.of() : List.of(best.record()), ordered,
          best == null || !disagree && evidence.backing().isEmpty() && !swapped ? List.of()
              : why(rule, ranked, evidence, doubtful, disagree, swapped));
    }
    List<Ranked> distinct = new ArrayList<>(ranked.size());
    Set<String> seen = new HashSet<>();
    for (Ranked r : ranked) if (seen.add(r.form())) distinct.add(r);
    // the same place written in two scripts or with other abbreviations has two text forms
    if (attribute.equals("addresses")) distinct = Places.distinct(distinct, r -> r.candidate().value());
    List<Object> values = new ArrayList<>(distinct.size());
    List<SourceKey> from = new ArrayList<>(distinct.size());
    for (Ranked r : distinct) {
      values.add(r.candidate().value());
      from.add(r.candidate().record());
    }
    return new AttributeLineage(rule.strategy().wire(), values, from, ordered);
  }

  /**
   * Why the first of {@code ranked} won, for a steward reading the lineage: under most_frequent how many records
   * back it and how those that do not offer it back it; then each other value that lost, with what shows it wrong
   * or makes it unlikely, where something does.
   */
  private static List<String> why(SurvivorshipRule rule, List<Ranked> ranked, Evidence evidence,
                                  Map<String, String> doubtful, boolean disagree, boolean swapped) {
    List<String> out = new ArrayList<>();
    Ranked best = ranked.get(0);
    Set<SourceKey> offering = new HashSet<>();
    Map<SourceKey, String> throughField = new TreeMap<>();
    for (Ranked r : ranked) {
      if (!r.form().equals(best.form())) continue;
      offering.add(r.candidate().record());
      if (r.candidate().field() != null) throughField.putIfAbsent(r.candidate().record(), r.candidate().field());
    }
    Map<SourceKey, String> backing = evidence.backing().getOrDefault(best.form(), Map.of());
    // every record says it, as it labels it: nothing decided
    if (!disagree && offering.containsAll(backing.keySet()) && !swapped) return out;
    if (rule.strategy() == SurvivorshipRule.Strategy.MOST_FREQUENT) {
      Set<SourceKey> all = new HashSet<>(offering);
      all.addAll(backing.keySet());
      StringBuilder line = new StringBuilder(all.size() + (all.size() == 1 ? " record backs it" : " records back it"));
      throughField.forEach((record, field) -> line.append("; ").append(record.asString()).append(switch (field) {
        case "fullName" -> " through its full name";
        case "familyName" -> " through its family name, its name parts swapped";
        case "givenName" -> " through its given name, its name parts swapped";
        default -> " through its " + field;
      }));
      new TreeMap<>(backing).forEach((record, how) -> {
        if (!offering.contains(record)) line.append("; ").append(record.asString()).append(" through ").append(how);
      });
      out.add(line.toString());
    }
    Set<String> told = new HashSet<>(Set.of(best.form()));
    for (Ranked r : ranked) {
      if (!told.add(r.form())) continue;
      String wrong = doubtful.get(r.form());
      String unlikely = evidence.doubts().get(r.form());
      if (wrong != null) out.add(r.candidate().value() + " lost: it " + wrong);
      else if (unlikely != null) out.add(r.candidate().value() + " lost: " + unlikely);
    }
    return List.copyOf(out);
  }

  /** Whether any of {@code candidates} comes from the other name part of a record that swapped them. */
  private static boolean anySwapped(List<Candidate> candidates) {
    for (Candidate c : candidates) {
      if ("givenName".equals(c.field()) || "familyName".equals(c.field())) return true;
    }
    return false;
  }

  private static List<Candidate> ordered(List<Ranked> ranked) {
    List<Candidate> out = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) out.add(r.candidate());
    return out;
  }

  /** A candidate with a value, its standardized form and its place among the attribute's candidates. */
  private record Ranked(Candidate candidate, String form, int position) {
  }

  /** Best first: values not disproved, then by the rule. */
  private static Comparator<Ranked> order(SurvivorshipRule rule, List<Ranked> all, Evidence evidence,
                                          Set<String> doubtful) {
    Comparator<Ranked> checked = Comparator.comparing(r -> doubtful.contains(r.form()));
    Comparator<Ranked> recent = (a, b) -> compareInstants(b.candidate().at(), a.candidate().at());
    Comparator<Ranked> priority = Comparator.comparingInt(r -> rule.rank(r.candidate().record().source()));
    // Last resort so that equal timestamps from equal-ranked sources still give one stable answer: by record, then
    // in the record's own order (its candidates come in that order; the records' order may differ from run to run)
    Comparator<Ranked> stable = Comparator.<Ranked, SourceKey>comparing(r -> r.candidate().record())
        .thenComparingInt(Ranked::position);
    Comparator<Ranked> first = switch (rule.strategy()) {
      case MOST_RECENT -> recent.thenComparing(priority);
      case SOURCE_PRIORITY -> priority.thenComparing(recent);
      case MOST_COMPLETE -> Comparator.<Ranked>comparingInt(r -> -Normalize.completeness(r.candidate().value()))
          .thenComparing(recent).thenComparing(priority);
      case MOST_FREQUENT -> {
        Map<String, Set<SourceKey>> voters = new HashMap<>();
        for (Ranked r : all) voters.computeIfAbsent(r.form(), k -> new HashSet<>()).add(r.candidate().record());
        voters.forEach((form, records) -> records.addAll(evidence.backing().getOrDefault(form, Map.of()).keySet()));
        yield Comparator.<Ranked>comparingInt(r -> -voters.get(r.form()).size())
            .thenComparing(r -> evidence.doubts().containsKey(r.form()))
            .thenComparing(priority).thenComparing(recent);
      }
    };
    return checked.thenComparing(first).thenComparing(stable);
  }

  /** Null timestamps count as oldest: a record that does not say when it changed never wins on recency. */
  private static int compareInstants(Instant a, Instant b) {
    if (a == null) return b == null ? 0 : -1;
    if (b == null) return 1;
    return a.compareTo(b);
  }
}
