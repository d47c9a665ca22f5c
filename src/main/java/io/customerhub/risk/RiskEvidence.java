package io.customerhub.risk;

import io.customerhub.record.SourceKey;

/**
 * One fact that made a risk rule fire: the record it came from (an identity record or an order; null for a
 * profile-level figure such as a return rate, or a value a steward set by hand), the attribute and its plain JSON
 * value.
 */
public record RiskEvidence(SourceKey record, String attribute, Object value) {
}
