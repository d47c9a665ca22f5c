package io.customerhub.generate;

import java.util.Map;

/** Receives generated records in output order: all CRM records, then ERP, orders and risk, each by id. */
@FunctionalInterface
public interface RecordSink {

  /**
   * @param record   the canonical JSON object as a map; the sink may keep it, the generator does not touch it again
   * @param entityId the true entity of an identity record; null for an order that references its customer
   */
  void accept(String source, Map<String, Object> record, String entityId);
}
