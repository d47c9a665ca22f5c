package io.customerhub.risk;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One declared risk rule (an entry of conf/risk.json {@code rules}): a stable code, a severity and a generic
 * condition selected by {@code type}. Rules are data; adding a rule for a new source or threshold needs
 * configuration, not code.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AttributeRule.class, name = "attribute"),
    @JsonSubTypes.Type(value = AggregateRule.class, name = "aggregate"),
    @JsonSubTypes.Type(value = OrderRatioRule.class, name = "order_ratio"),
    @JsonSubTypes.Type(value = ConflictRule.class, name = "conflict"),
    @JsonSubTypes.Type(value = InvalidValueRule.class, name = "invalid"),
    @JsonSubTypes.Type(value = RecencyRule.class, name = "recency")})
public sealed interface RiskRule
    permits AttributeRule, AggregateRule, OrderRatioRule, ConflictRule, InvalidValueRule, RecencyRule {

  String code();

  String severity();

  /** The facts that make the rule fire for this profile; empty when it does not fire. */
  List<RiskEvidence> evaluate(RiskContext context);
}
