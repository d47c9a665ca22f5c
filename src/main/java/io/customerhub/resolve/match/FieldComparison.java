package io.customerhub.resolve.match;

/**
 * One line of an explanation: the field, the level its values reached, and the weight (log2 of m/u,
 * term-frequency adjusted when {@code tfAdjusted}) that level added to the total.
 */
public record FieldComparison(String field, String level, double weight, boolean tfAdjusted) {
}
