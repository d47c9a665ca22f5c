package io.customerhub.generate;

import io.customerhub.record.SourceKey;

import java.util.List;
import java.util.Map;

/**
 * A generated dataset held in memory: the records of each source in canonical JSON shape (plain maps, lists,
 * strings, numbers and booleans, in output order) and the ground truth.
 *
 * @param records source name → records, for each of {@link #SOURCES}
 * @param truth      every identity record (CRM, ERP, risk, guest orders) → the id of its real-world entity
 * @param identities every customer's entity id → what is really true of it (to judge golden values by)
 */
public record Dataset(GeneratorOptions options, Map<String, List<Map<String, Object>>> records,
                      Map<SourceKey, String> truth, Map<String, TrueIdentity> identities, GenerationStats stats) {

  public static final String CRM = "crm";
  public static final String ERP = "erp";
  public static final String ORDERS = "orders";
  public static final String RISK = "risk";
  public static final List<String> SOURCES = List.of(CRM, ERP, ORDERS, RISK);

  public List<Map<String, Object>> records(String source) {
    return records.getOrDefault(source, List.of());
  }

  public List<Map<String, Object>> crm() {
    return records(CRM);
  }

  public List<Map<String, Object>> erp() {
    return records(ERP);
  }

  public List<Map<String, Object>> orders() {
    return records(ORDERS);
  }

  public List<Map<String, Object>> risk() {
    return records(RISK);
  }

  public Map<ErrorType, Integer> errorCounts() {
    return stats.errorCounts();
  }
}
