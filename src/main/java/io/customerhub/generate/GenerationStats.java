package io.customerhub.generate;

import java.util.Map;

/**
 * What a generation run produced.
 *
 * @param entities           all real-world entities: persons, customer organizations, risk-only organizations
 * @param duplicatedEntities customers with more than one CRM/ERP record
 * @param duplicateRecords   CRM/ERP records beyond the first of their entity
 * @param identityRecords    records in the truth: CRM, ERP, risk and guest orders
 * @param recordsPerSource   source → number of records
 * @param errorCounts        error type → number of records it changed
 */
public record GenerationStats(int persons, int orgs, int riskOnlyOrgs, int entities, int duplicatedEntities,
                              int duplicateRecords, int identityRecords, int guestOrders,
                              Map<String, Integer> recordsPerSource, Map<ErrorType, Integer> errorCounts) {

  public GenerationStats {
    recordsPerSource = Map.copyOf(recordsPerSource);
    errorCounts = Map.copyOf(errorCounts);
  }
}
