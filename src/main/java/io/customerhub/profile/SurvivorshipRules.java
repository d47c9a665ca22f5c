package io.customerhub.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.customerhub.profile.SurvivorshipRule.Strategy;

import java.util.Map;

/**
 * Survivorship per attribute (conf/profile.json {@code survivorship}). Keys are canonical field names or
 * {@code attributes.x} for one source-specific attribute; {@code attributes} alone covers every other
 * attribute; anything else uses {@code default}.
 */
public record SurvivorshipRules(@JsonProperty("default") SurvivorshipRule defaultRule,
                                Map<String, SurvivorshipRule> attributes) {

  public SurvivorshipRules {
    if (defaultRule == null) defaultRule = SurvivorshipRule.of(Strategy.MOST_RECENT);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * ERP owns legal name, tax id and credit facts; CRM owns contact order and consent; a person's name is the one
   * most records agree on, CRM's where as many records say one as the other.
   */
  public static SurvivorshipRules defaults() {
    SurvivorshipRule crmFirst = SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "crm", "erp", "orders");
    SurvivorshipRule agreedCrmFirst = SurvivorshipRule.of(Strategy.MOST_FREQUENT, "crm", "erp", "orders");
    SurvivorshipRule erpFirst = SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "erp", "risk", "crm");
    SurvivorshipRule erpOnly = SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "erp");
    SurvivorshipRule crmOnly = SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "crm");
    SurvivorshipRule frequent = SurvivorshipRule.of(Strategy.MOST_FREQUENT);
    SurvivorshipRule complete = SurvivorshipRule.of(Strategy.MOST_COMPLETE);
    return new SurvivorshipRules(SurvivorshipRule.of(Strategy.MOST_RECENT), Map.ofEntries(
        Map.entry("givenName", agreedCrmFirst), Map.entry("familyName", agreedCrmFirst),
        Map.entry("fullName", frequent),
        Map.entry("orgName", erpFirst), Map.entry("taxId", erpFirst), Map.entry("nationalId", frequent),
        Map.entry("birthDate", frequent), Map.entry("emails", crmFirst), Map.entry("phones", crmFirst),
        Map.entry("addresses", complete), Map.entry("attributes.consent", crmOnly),
        Map.entry("attributes.segment", crmOnly), Map.entry("attributes.creditLimit", erpOnly),
        Map.entry("attributes.openReceivables", erpOnly), Map.entry("attributes.overdueAmount", erpOnly),
        Map.entry("attributes.overdueDays", erpOnly)));
  }

  public SurvivorshipRule ruleFor(String attribute) {
    SurvivorshipRule exact = attributes.get(attribute);
    if (exact != null) return exact;
    if (attribute.startsWith(Golden.ATTRIBUTE_PREFIX)) return attributes.getOrDefault("attributes", defaultRule);
    return defaultRule;
  }
}
