package io.customerhub.profile;

import io.customerhub.record.SourceKey;

import java.util.List;
import java.util.Set;

/**
 * Where a golden attribute came from: the rule that chose it, the chosen value (a list for multi-valued
 * attributes), the records it was taken from, and every candidate, so that nothing is lost on a merge and
 * either side of a later split can be recomputed from the candidates alone; {@code why} says, for a steward, what
 * decided between values that disagree (how many records back the chosen one, what shows another wrong).
 */
public record AttributeLineage(String rule, Object chosen, List<SourceKey> chosenFrom, List<Candidate> candidates,
                               List<String> why) {

  public AttributeLineage {
    chosenFrom = List.copyOf(chosenFrom);
    candidates = List.copyOf(candidates);
    why = why == null ? List.of() : List.copyOf(why);
  }

  public AttributeLineage(String rule, Object chosen, List<SourceKey> chosenFrom, List<Candidate> candidates) {
    this(rule, chosen, chosenFrom, candidates, List.of());
  }

  /** The candidates offered by the given records only: what one side of a split contributed. */
  public List<Candidate> candidatesFrom(Set<SourceKey> records) {
    return candidates.stream().filter(c -> records.contains(c.record())).toList();
  }
}
