package io.customerhub.risk;

import io.customerhub.record.CanonicalRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires for each live member record of {@code source} (any source when null) whose attributes meet every
 * condition of {@code all} and at least one of {@code any} (when given). Per record, because "overdueDays and
 * overdueAmount" must come from the same ERP account, not from two different ones. An attribute a steward set by
 * hand on the profile (e.g. a credit limit raised after a review) is read in place of every record's value: it is
 * the steward's decision of the true value, which the records may never catch up with.
 */
public record AttributeRule(String code, String severity, String source, List<Condition> all, List<Condition> any)
    implements RiskRule {

  public AttributeRule {
    all = all == null ? List.of() : List.copyOf(all);
    any = any == null ? List.of() : List.copyOf(any);
    if (all.isEmpty() && any.isEmpty()) throw new IllegalArgumentException(code + ": attribute rule without conditions");
  }

  @Override
  public List<RiskEvidence> evaluate(RiskContext context) {
    List<RiskEvidence> evidence = new ArrayList<>();
    Map<String, Object> settled = context.settledAttributes();
    for (CanonicalRecord r : context.members()) {
      if (source != null && !source.equals(r.source())) continue;
      List<RiskEvidence> found = new ArrayList<>();
      boolean allHold = true;
      for (Condition c : all) {
        Optional<List<RiskEvidence>> e = c.test(r.key(), r.attributes(), settled);
        if (e.isEmpty()) {
          allHold = false;
          break;
        }
        found.addAll(e.get());
      }
      if (!allHold) continue;
      boolean anyHolds = any.isEmpty();
      for (Condition c : any) {
        Optional<List<RiskEvidence>> e = c.test(r.key(), r.attributes(), settled);
        if (e.isPresent()) {
          anyHolds = true;
          found.addAll(e.get());
        }
      }
      if (anyHolds) evidence.addAll(found);
    }
    return evidence;
  }
}
