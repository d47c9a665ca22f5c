package io.customerhub.serve;

import io.customerhub.ingest.RecordDecoder;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Records given in a request to be compared, not stored ({@code POST /match}, {@code POST /profiles/search}):
 * decoded as ingest decodes a source's canonical record, with a source and id of their own when they lack one.
 */
final class QueryRecords {

  private QueryRecords() {
  }

  /**
   * The record {@code value} holds, or null with the reasons in {@code errors}, each prefixed by {@code name};
   * values left out (a date that is no date) are said in {@code warnings}.
   */
  static CanonicalRecord decode(Object value, String name, List<String> errors, List<String> warnings) {
    if (!(value instanceof JsonObject record)) {
      errors.add(name + ": must be a record object");
      return null;
    }
    String source = record.getValue("source") instanceof String s && !s.isBlank() ? s : name;
    JsonObject withId = record.copy();
    if (withId.getValue("sourceId") == null) withId.put("sourceId", name);
    RecordDecoder.Decoded d = RecordDecoder.decode(withId, source, Kind.PERSON);
    if (!d.ok()) {
      d.errors().forEach(e -> errors.add(name + "." + e));
      return null;
    }
    d.warnings().forEach(w -> warnings.add(name + "." + w));
    return d.record();
  }
}
