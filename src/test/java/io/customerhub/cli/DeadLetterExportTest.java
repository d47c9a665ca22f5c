package io.customerhub.cli;

import io.customerhub.cli.DeadLetterExport.Exported;
import io.customerhub.cli.DeadLetterExport.Letter;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeadLetterExportTest {

  private static final Map<String, String> SOURCES = Map.of("crm.contacts", "crm", "erp.accounts", "erp");

  private static Letter letter(String topic, String value, boolean truncated) {
    Map<String, String> headers = new HashMap<>(Map.of("hub-error", "modified_at: is not an ISO-8601 timestamp",
        "hub-source-topic", topic, "hub-source-partition", "2", "hub-source-offset", "41"));
    if (truncated) headers.put("hub-value-truncated", "900000");
    return new Letter(0, 7, "C-1", value, headers);
  }

  @Test
  void aRecordGoesToItsSourcesFileOnOneLineAndTheIndexSaysWhereFromAndWhy() {
    String pretty = "{\n  \"contact_id\": \"C-1\",\n  \"modified_at\": \"yesterday\"\n}";
    Exported e = DeadLetterExport.of(letter("crm.contacts", pretty, false), null, SOURCES);

    assertEquals("crm", e.source());
    assertEquals("{   \"contact_id\": \"C-1\",   \"modified_at\": \"yesterday\" }", e.line());
    assertEquals(new JsonObject(pretty), new JsonObject(e.line()));
    JsonObject index = e.index();
    assertEquals(0, index.getInteger("partition"));
    assertEquals(7L, index.getLong("offset"));
    assertEquals("C-1", index.getString("key"));
    assertEquals("modified_at: is not an ISO-8601 timestamp", index.getString("error"));
    assertEquals("crm.contacts", index.getString("sourceTopic"));
    assertEquals(2L, index.getLong("sourcePartition"));
    assertEquals(41L, index.getLong("sourceOffset"));
    assertEquals("crm.ndjson", index.getString("file"));
    assertNull(index.getValue("value"), "the record is in the file, not repeated here");
  }

  @Test
  void aLetterCutToFitTakesTheWholeValueFromItsSourceTopic() {
    String whole = new JsonObject().put("contact_id", "C-1").put("note", "x".repeat(1000)).encode();
    Exported e = DeadLetterExport.of(letter("crm.contacts", whole.substring(0, 20), true), whole, SOURCES);
    assertEquals(whole, e.line());

    Exported gone = DeadLetterExport.of(letter("crm.contacts", whole.substring(0, 20), true), null, SOURCES);
    assertNull(gone.source());
    assertNull(gone.line());
    assertEquals("the letter holds the first part of the value only, and its source topic no longer holds the whole "
        + "message", gone.index().getString("left"));
  }

  @Test
  void aValueNoFileOfRecordsCanHoldStaysInTheIndex() {
    for (String value : new String[] {"{\"contact_id\": \"C-1\", \"email\": ", "[1, 2]", "42", "", null}) {
      Exported e = DeadLetterExport.of(letter("crm.contacts", value, false), null, SOURCES);
      assertNull(e.source(), value);
      assertEquals("the value is no JSON object", e.index().getString("left"), value);
      assertEquals("crm", e.index().getString("source"));
      assertEquals(value, e.index().getString("value"));
    }
  }

  @Test
  void aTopicNoSourceReadsIsNamed() {
    Exported e = DeadLetterExport.of(letter("legacy.contacts", "{\"id\": 1}", false), null, SOURCES);
    assertNull(e.source());
    assertEquals("no configured source reads topic legacy.contacts", e.index().getString("left"));
    assertEquals("{\"id\": 1}", e.index().getString("value"));
  }

  @Test
  void aLetterWithoutTheHubsHeadersIsStillListed() {
    Exported e = DeadLetterExport.of(new Letter(1, 3, null, "{}", Map.of()), null, SOURCES);
    assertNull(e.source());
    assertNull(e.index().getString("sourceTopic"));
    assertEquals("no configured source reads topic null", e.index().getString("left"));
  }

  /** Written again by a parser, 1e400 came back as "Infinity" and 0.10 as 0.1: imported back, another record. */
  @Test
  void aRecordIsExportedAsItsSourceSentItDigitsEscapesAndAll() {
    for (String sent : new String[] {"{\"contact_id\":1e400,\"total\":12345678901234567.89,\"rate\":0.10}",
        "{\"contact_id\":\"C-1\",\"first_name\":\"\\ud800\",\"note\":\"line\\none\"}"}) {
      assertEquals(sent, DeadLetterExport.of(letter("crm.contacts", sent, false), null, SOURCES).line());
    }
  }
}
