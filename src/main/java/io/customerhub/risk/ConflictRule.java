package io.customerhub.risk;

import io.customerhub.profile.AttributeLineage;
import io.customerhub.profile.Candidate;
import io.customerhub.profile.Lineage;
import io.customerhub.profile.Normalize;
import io.customerhub.profile.ValueChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fires when the member records of one profile disagree on an attribute that should have a single true value
 * (birth date, tax id, national id): a sign of a wrong merge, or of bad source data, that a steward must see.
 * Compares standardized forms, so "91110000-MA01" and "91110000MA01" do not conflict; nor does a birth date known
 * to the year or month ("1990", "1990-03") with a full date it is the start of, nor an id that shows it is a typo
 * of the customer's real one ({@link ValueChecks}: it fails its check characters, or is another record's id with a
 * digit read as a letter). An attribute a steward set by hand is settled and raises nothing.
 */
public record ConflictRule(String code, String severity, List<String> attributes) implements RiskRule {

  public ConflictRule {
    if (attributes == null || attributes.isEmpty()) throw new IllegalArgumentException(code + ": conflict needs attributes");
    attributes = List.copyOf(attributes);
  }

  @Override
  public List<RiskEvidence> evaluate(RiskContext context) {
    List<RiskEvidence> evidence = new ArrayList<>();
    for (String attribute : attributes) {
      AttributeLineage lineage = context.lineage().get(attribute);
      // a steward who set the value by hand has settled the conflict: the records still disagree (the lineage
      // keeps their values), but the customer need not wait in a review lane for a decision already taken
      if (lineage == null || Lineage.OVERRIDE_RULE.equals(lineage.rule())) continue;
      Set<String> forms = Normalize.forms(attribute, lineage.candidates());
      if (attribute.equals("birthDate")) {
        Set<String> all = Set.copyOf(forms);
        forms.removeIf(f -> isCoarserThanAnother(f, all));
      }
      if (forms.size() < 2) continue; // one value, however many records give it: nothing to check on each profile
      // an id whose own check characters fail, or another record's id with a digit read as a letter, is a typo in
      // one source beside the customer's real id (the golden record passes it over): no reason to review them
      Set<String> wrong = ValueChecks.doubtful(attribute, forms).keySet();
      if (wrong.size() < forms.size()) forms.removeAll(wrong);
      if (forms.size() < 2) continue;
      for (Candidate c : lineage.candidates()) evidence.add(new RiskEvidence(c.record(), attribute, c.value()));
    }
    return evidence;
  }

  private static boolean isCoarserThanAnother(String date, Set<String> dates) {
    for (String other : dates) if (other.length() > date.length() && other.startsWith(date + "-")) return true;
    return false;
  }
}
