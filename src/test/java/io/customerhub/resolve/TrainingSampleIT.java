package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hub with more stored records than {@code training.maxRecords} learns from a sample of that many, and says so;
 * it counts all of them as trained on, so that the next training is due when they double, not at once.
 */
class TrainingSampleIT {

  @Test
  void aBigHubTrainsOnASampleAndCountsEveryRecord() {
    try (HubTestNode hub = HubTestNode.builder().matching(m -> {
      m.getJsonObject("training").put("maxRecords", 1000);
      return m;
    }).start()) {
      List<Rec> records = WireRecords.customersWithErpCopies(2400, 4);
      for (String source : List.of("crm", "erp")) {
        List<Rec> of = records.stream().filter(r -> r.source().equals(source)).toList();
        for (int from = 0; from < of.size(); from += 1000) {
          hub.ingest(source, of.subList(from, Math.min(of.size(), from + 1000)));
        }
      }

      Response trained = hub.post("/api/v1/admin/train", "application/json", "{}", hub.adminToken());

      assertEquals(200, trained.status(), trained::toString);
      JsonObject answer = trained.json();
      assertEquals(records.size(), answer.getLong("trainedOn"), answer::encode);
      long sample = answer.getLong("sample");
      assertTrue(sample > 850 && sample < 1150, "about training.maxRecords: " + sample);
    }
  }
}
