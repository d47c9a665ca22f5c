package io.customerhub.app;

import io.customerhub.config.HubConfig;
import io.customerhub.ingest.SourceMapping;
import io.customerhub.ingest.SourceMappings;
import io.customerhub.record.Kind;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mappings' Kafka topics are checked before anything starts (KafkaSetup.sourceByTopic). */
class SourceTopicsTest {

  private static final HubConfig.Kafka KAFKA = new HubConfig.Kafka("127.0.0.1:9092", "customer-hub",
      "hub.dead-letter", 524288, "hub.profile-changes", 1000, 500, 200, 168, null, 3, 0);

  private static SourceMappings mappings(String... nameAndTopic) {
    Map<String, SourceMapping> byName = new LinkedHashMap<>();
    for (int i = 0; i < nameAndTopic.length; i += 2) {
      byName.put(nameAndTopic[i], new SourceMapping(nameAndTopic[i], nameAndTopic[i + 1], Kind.PERSON, Map.of(),
          false, false));
    }
    return new SourceMappings(byName);
  }

  private static String refusal(SourceMappings m, HubConfig.Kafka kafka) {
    return assertThrows(IllegalArgumentException.class, () -> KafkaSetup.sourceByTopic(m, kafka)).getMessage();
  }

  @Test
  void eachTopicFeedsOneSource() {
    assertEquals(Map.of("hub.source.crm", "crm", "hub.source.erp", "erp"),
        KafkaSetup.sourceByTopic(mappings("crm", "hub.source.crm", "erp", "hub.source.erp", "web", null), KAFKA));
  }

  @Test
  void theHubsOwnTopicsTwoMappingsOnOneTopicAndNamesKafkaRefusesAreRefused() {
    assertTrue(refusal(mappings("crm", "hub.dead-letter"), KAFKA)
        .startsWith("sources/crm.json: topic 'hub.dead-letter' is the hub's own dead-letter topic"));
    assertTrue(refusal(mappings("crm", "hub.profile-changes"), KAFKA).contains("change topic (kafka.changeTopic)"));
    String twice = refusal(mappings("crm", "hub.source.orders", "erp", "hub.source.orders"), KAFKA);
    assertTrue(twice.matches("sources/(crm|erp)\\.json: topic 'hub.source.orders' feeds source '(crm|erp)' "
        + "already .*; a topic feeds one source"), twice);
    assertTrue(refusal(mappings("crm", "hub source crm"), KAFKA).contains("is no Kafka topic name"));
    HubConfig.Kafka same = new HubConfig.Kafka("127.0.0.1:9092", "g", "t", 1, "t", 1, 1, 1, 1, null, 1, 0);
    assertTrue(refusal(mappings(), same).startsWith("kafka.deadLetterTopic and kafka.changeTopic are both 't'"));
  }
}
