package io.customerhub.risk;

import io.customerhub.profile.AttributeLineage;
import io.customerhub.profile.Candidate;
import io.customerhub.profile.Normalize;
import io.customerhub.profile.ValueChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fires when a member record carries a value that shows it is wrong ({@link ValueChecks}): an id whose check
 * characters fail, or another record's id with a digit read as a letter. Such a value is a defect in its source
 * system, for a steward to have fixed there; the golden record already passes it over, and {@link ConflictRule}
 * does not send the customer to review for it, so this tag is how the defect stays visible. Its evidence names each
 * record and value.
 */
public record InvalidValueRule(String code, String severity, List<String> attributes) implements RiskRule {

  public InvalidValueRule {
    if (attributes == null || attributes.isEmpty()) {
      throw new IllegalArgumentException(code + ": invalid needs attributes");
    }
    attributes = List.copyOf(attributes);
  }

  @Override
  public List<RiskEvidence> evaluate(RiskContext context) {
    List<RiskEvidence> evidence = new ArrayList<>();
    for (String attribute : attributes) {
      AttributeLineage lineage = context.lineage().get(attribute);
      if (lineage == null) continue;
      Map<String, String> wrong = ValueChecks.doubtful(attribute, Normalize.forms(attribute, lineage.candidates()));
      if (wrong.isEmpty()) continue;
      for (Candidate c : lineage.candidates()) {
        if (wrong.containsKey(Normalize.form(attribute, c.value()))) {
          evidence.add(new RiskEvidence(c.record(), attribute, c.value()));
        }
      }
    }
    return evidence;
  }
}
