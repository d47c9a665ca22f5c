package io.customerhub.ingest;

import io.customerhub.testing.OneKafkaHubPerClass;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.KafkaTestClient.Message;
import io.customerhub.testing.WireRecords;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka door: sources publish their native records to their topics; the hub consumes them in one group, commits
 * offsets after the database, dead-letters what it cannot read and never stops a partition for it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaIngestIT extends OneKafkaHubPerClass {

  private static final Duration WAIT = Duration.ofSeconds(45);

  // ---- sources as they publish: native field names, as mapped in conf/sources/*.json --------------------------------

  private static JsonObject crmContact(String contactId, String email, String mobile) {
    JsonObject contact = new JsonObject().put("contact_id", contactId).put("first_name", uniqueName())
        .put("last_name", "Wang").put("modified_at", at(0).toString());
    if (email != null) contact.put("email", email);
    if (mobile != null) contact.put("mobile", mobile);
    return contact;
  }

  private static JsonObject erpAccount(String accountNo, String billingEmail) {
    return new JsonObject().put("account_no", accountNo).put("account_name", "北京" + uniqueName() + "科技有限公司")
        .put("billing_email", billingEmail).put("credit_limit", 50000).put("last_changed", at(0).toString());
  }

  private static JsonObject order(String orderNo, String customerNo, String total, String status, int minute) {
    return new JsonObject().put("order_no", orderNo).put("customer_system", "crm").put("customer_no", customerNo)
        .put("order_time", at(0).toString()).put("total", total).put("currency", "CNY").put("order_status", status)
        .put("sales_channel", "web").put("status_time", at(minute).toString());
  }

  private static void publish(String source, String key, JsonObject value) {
    kafka.send(names.sourceTopic(source), key, value.encode());
  }

  private static JsonObject awaitProfile(String source, String sourceId, Predicate<JsonObject> condition) {
    return hub.awaitProfile(source, sourceId, condition, WAIT);
  }

  private static JsonObject orders(JsonObject profile) {
    return profile.getJsonObject("orders");
  }

  private static void awaitAllConsumed() {
    for (String source : List.of("crm", "erp", "orders")) {
      kafka.awaitCommitted(names.groupId(), names.sourceTopic(source), WAIT);
    }
  }

  // ---- specification -------------------------------------------------------------------------------------------------

  /**
   * Readiness says how many partitions the node consumes and from which topics: the only node of its group holds
   * every partition of every source topic. Holding none would still be UP (a group may have more nodes than
   * partitions), but an operator could not tell such a node from one that consumes.
   */
  @Test
  @Order(1)
  void readinessReportsKafkaUpOnceTheConsumerPollsWithThePartitionsItHolds() {
    List<String> topics = List.of(names.sourceTopic("crm"), names.sourceTopic("erp"), names.sourceTopic("orders"),
        names.sourceTopic("risk"));
    int partitions = topics.size() * hub.config().kafka().topicPartitions();
    long deadline = System.nanoTime() + WAIT.toNanos();
    HubTestNode.Response r = hub.get("/health/ready", null);
    // the first poll may complete before the group has assigned the partitions
    while ((r.status() != 200 || kafkaCheck(r).getInteger("assignedPartitions", -1) != partitions)
        && System.nanoTime() < deadline) {
      HubTestNode.sleep(100);
      r = hub.get("/health/ready", null);
    }
    assertEquals(200, r.status(), r::toString);
    assertEquals("UP", kafkaCheck(r).getString("status"), r.toString());
    assertEquals(partitions, kafkaCheck(r).getInteger("assignedPartitions"), r.toString());
    assertEquals(topics, kafkaCheck(r).getJsonArray("topics").getList(), r.toString());
  }

  private static JsonObject kafkaCheck(HubTestNode.Response ready) {
    return ready.json().getJsonObject("checks").getJsonObject("kafka");
  }

  @Test
  @Order(2)
  void recordsPublishedToTheCrmErpAndOrdersTopicsEndUpInProfiles() {
    String contactId = uniqueId("C");
    String accountNo = uniqueId("A");
    String email = uniqueEmail("kafka");
    String orderNo = uniqueId("O");

    publish("crm", contactId, crmContact(contactId, email, uniqueMobile()));
    publish("erp", accountNo, erpAccount(accountNo, uniqueEmail("billing")));
    publish("orders", orderNo, order(orderNo, contactId, "129.90", "delivered", 0));

    JsonObject customer = awaitProfile("crm", contactId, p -> orders(p).getInteger("orderCount") == 1);
    assertEquals("Wang", customer.getString("familyName"));
    assertTrue(customer.getJsonArray("emails").contains(email), customer::encode);
    assertEquals(129.90, orders(customer).getDouble("spend"), 0.001);
    JsonObject account = awaitProfile("erp", accountNo, p -> true);
    assertEquals("organization", account.getString("kind"));
    assertEquals(50000, account.getJsonObject("attributes").getInteger("creditLimit"));
  }

  @Test
  @Order(3)
  void aBadMessageGoesToTheDeadLetterTopicWithItsReasonAndItsPartitionKeepsFlowing() {
    String key = uniqueId("C");
    String malformed = "{\"contact_id\": \"" + key + "\", \"email\": ";
    String withoutId = new JsonObject().put("email", uniqueEmail("no-id")).put("note", key).encode();
    String wrongType = crmContact(key, uniqueEmail("bad-time"), uniqueMobile()).put("modified_at", "yesterday")
        .encode();

    kafka.send(names.sourceTopic("crm"), key, malformed);
    kafka.send(names.sourceTopic("crm"), key, withoutId);
    kafka.send(names.sourceTopic("crm"), key, wrongType);
    kafka.send(names.sourceTopic("crm"), key, null);
    publish("crm", key, crmContact(key, uniqueEmail("good"), uniqueMobile()));

    awaitProfile("crm", key, p -> true);
    List<Message> deadLetters = kafka.readUntil(names.deadLetterTopic(),
        read -> read.stream().filter(m -> key.equals(m.key())).count() >= 4, WAIT);
    Map<String, Message> byValue = new LinkedHashMap<>();
    deadLetters.stream().filter(m -> key.equals(m.key())).forEach(m -> byValue.put(m.value(), m));
    assertReason(byValue.get(malformed), "JSON");
    assertReason(byValue.get(withoutId), "sourceId");
    assertReason(byValue.get(wrongType), "updatedAt");
    assertReason(byValue.get(null), "value");
  }

  private static void assertReason(Message deadLetter, String field) {
    assertNotNull(deadLetter, "dead-lettered unchanged, with its key");
    String reason = deadLetter.headers().get("hub-error");
    assertNotNull(reason, () -> "header hub-error on " + deadLetter);
    assertTrue(reason.contains(field), () -> "the reason names " + field + ": " + reason);
    assertEquals(names.sourceTopic("crm"), deadLetter.headers().get("hub-source-topic"));
  }

  @Test
  @Order(4)
  void anOrderPublishedBeforeItsCustomerCountsOnceTheCustomerArrives() {
    String contactId = uniqueId("C");
    String orderNo = uniqueId("O");
    publish("orders", orderNo, order(orderNo, contactId, "88.00", "paid", 0));
    kafka.awaitCommitted(names.groupId(), names.sourceTopic("orders"), WAIT);

    publish("crm", contactId, crmContact(contactId, uniqueEmail("late"), uniqueMobile()));

    JsonObject profile = awaitProfile("crm", contactId, p -> orders(p).getInteger("orderCount") == 1);
    assertEquals(88.0, orders(profile).getDouble("spend"), 0.001);
  }

  @Test
  @Order(5)
  void aLaterStateOfAnOrderReplacesTheEarlierOneAndARedeliveryCountsNothingTwice() {
    String contactId = uniqueId("C");
    String orderNo = uniqueId("O");
    publish("crm", contactId, crmContact(contactId, uniqueEmail("buyer"), uniqueMobile()));
    publish("orders", orderNo, order(orderNo, contactId, "300.00", "delivered", 1));
    publish("orders", uniqueId("O"), order(uniqueId("O"), contactId, "200.00", "delivered", 1));
    awaitProfile("crm", contactId, p -> orders(p).getInteger("orderCount") == 2);

    publish("orders", orderNo, order(orderNo, contactId, "300.00", "returned", 2));
    publish("orders", orderNo, order(orderNo, contactId, "300.00", "returned", 2));
    publish("orders", orderNo, order(orderNo, contactId, "300.00", "delivered", 1));

    JsonObject profile = awaitProfile("crm", contactId, p -> orders(p).getInteger("returns") == 1);
    awaitAllConsumed();
    profile = hub.profileByKey("crm", contactId);
    assertEquals(2, orders(profile).getInteger("orderCount"), profile::encode);
    assertEquals(1, orders(profile).getInteger("returns"), "the older 'delivered' state stays ignored");
  }

  @Test
  @Order(6)
  void aGuestOrderWithTheCustomersEmailCountsInTheirProfile() {
    String contactId = uniqueId("C");
    String email = uniqueEmail("guest");
    publish("crm", contactId, crmContact(contactId, email, uniqueMobile()));
    String orderNo = uniqueId("O");
    publish("orders", orderNo, new JsonObject().put("order_no", orderNo).put("guest_email", email.toUpperCase())
        .put("order_time", at(0).toString()).put("total", "45.50").put("currency", "CNY")
        .put("order_status", "delivered").put("status_time", at(0).toString()));

    JsonObject profile = awaitProfile("crm", contactId, p -> orders(p).getInteger("orderCount") == 1);
    assertEquals(45.5, orders(profile).getDouble("spend"), 0.001);
  }

  @Test
  @Order(7)
  void aRecordOfAnErasedCustomerSentAgainIsKeptNowhereAndItsPartitionKeepsFlowing() {
    String erasedId = uniqueId("C");
    JsonObject contact = crmContact(erasedId, uniqueEmail("erased"), uniqueMobile());
    publish("crm", erasedId, contact);
    String profile = awaitProfile("crm", erasedId, p -> true).getString("profileId");
    assertEquals(200, hub.post("/api/v1/profiles/" + profile + "/erase", "application/json", "{\"note\":\"DSAR-9\"}",
        hub.adminToken()).status());

    publish("crm", erasedId, contact.copy().put("modified_at", at(5).toString()));
    // the next message of the same partition (the same key) is a customer of its own
    String nextId = uniqueId("C");
    publish("crm", erasedId, crmContact(nextId, uniqueEmail("after-erased"), uniqueMobile()));

    awaitProfile("crm", nextId, p -> true);
    awaitAllConsumed();
    assertEquals(404, hub.profileByKeyResponse("crm", erasedId).status(), "not stored again");
    assertTrue(kafka.readAll(names.deadLetterTopic()).stream().noneMatch(m -> erasedId.equals(m.key())),
        "ignored, not dead-lettered: a dead letter would keep what the customer asked to be erased");
  }

  @Test
  @Order(7)
  void offsetsAreCommittedOnceTheRecordsAreStored() {
    String contactId = uniqueId("C");
    publish("crm", contactId, crmContact(contactId, uniqueEmail("offsets"), uniqueMobile()));

    awaitProfile("crm", contactId, p -> true);
    kafka.awaitCommitted(names.groupId(), names.sourceTopic("crm"), WAIT);
  }

  @Test
  @Order(8)
  void profileChangesArePublishedOnTheChangeTopic() {
    String contactId = uniqueId("C");
    publish("crm", contactId, crmContact(contactId, uniqueEmail("events"), uniqueMobile()));
    String profileId = awaitProfile("crm", contactId, p -> true).getString("profileId");

    List<Message> events = kafka.readUntil(names.changeTopic(),
        read -> read.stream().anyMatch(m -> profileId.equals(m.key())), WAIT);

    JsonObject event = new JsonObject(events.stream().filter(m -> profileId.equals(m.key())).findFirst()
        .orElseThrow().value());
    assertEquals(profileId, event.getString("profileId"));
    assertNotNull(event.getString("changeType"), event::encode);
  }

  @Test
  @Order(9)
  void aMergeIsPublishedAsAMergedEventNamingTheSurvivor() {
    String email = uniqueEmail("merge-event");
    String mobile = uniqueMobile();
    String a = uniqueId("C");
    String b = uniqueId("C");
    publish("crm", a, crmContact(a, email, null));
    String survivor = awaitProfile("crm", a, p -> true).getString("profileId");
    publish("crm", b, crmContact(b, null, mobile));
    String mergedAway = awaitProfile("crm", b, p -> true).getString("profileId");

    String bridge = uniqueId("C");
    JsonObject bridging = crmContact(bridge, email, mobile);
    bridging.remove("first_name");
    bridging.remove("last_name");
    publish("crm", bridge, bridging);
    awaitProfile("crm", b, p -> p.getString("profileId").equals(survivor));

    List<Message> events = kafka.readUntil(names.changeTopic(), read -> read.stream()
        .anyMatch(m -> mergedAway.equals(m.key()) && m.value().contains(survivor)), WAIT);
    JsonObject merged = new JsonObject(events.stream().filter(m -> mergedAway.equals(m.key())
        && m.value().contains(survivor)).findFirst().orElseThrow().value());
    assertEquals(survivor, merged.getString("mergedInto"), merged::encode);
  }

  @Test
  @Order(50)
  void twoNodesInOneConsumerGroupShareTheTopicsWithoutDuplicateProfiles() {
    List<String> people = new java.util.ArrayList<>();
    Map<String, String> erpOf = new LinkedHashMap<>();
    try (HubTestNode second = HubTestNode.builder().kafka(names).postgresUrl(hub.pgUrl()).start()) {
      for (int i = 0; i < 60; i++) {
        String contactId = uniqueId("C");
        String email = uniqueEmail("group");
        people.add(contactId);
        publish("crm", contactId, crmContact(contactId, email, null));
        if (i % 3 == 0) {
          String account = uniqueId("A");
          erpOf.put(contactId, account);
          publish("erp", account, new JsonObject().put("account_no", account).put("kind", "person")
              .put("billing_email", email.toUpperCase()).put("last_changed", at(1).toString()));
        }
      }
      for (String contactId : people) awaitProfile("crm", contactId, p -> true);
      awaitAllConsumed();
      for (Map.Entry<String, String> e : erpOf.entrySet()) {
        JsonObject viaErp = awaitProfile("erp", e.getValue(), p -> true);
        assertEquals(hub.profileByKey("crm", e.getKey()).getString("profileId"), viaErp.getString("profileId"),
            "one profile for " + e.getKey() + " and " + e.getValue());
        assertEquals(2, HubTestNode.recordKeys(viaErp).size(), viaErp::encode);
      }
      assertEquals(hub.crosswalk(), second.crosswalk(), "both nodes answer from the same truth");
    }
  }

  @Test
  @Order(100)
  void aRestartedNodeDoesNotReprocessWhatWasCommitted() {
    String key = uniqueId("C");
    String bad = "{\"contact_id\": \"" + key + "\", broken";
    kafka.send(names.sourceTopic("crm"), key, bad);
    publish("crm", key, crmContact(key, uniqueEmail("before-restart"), uniqueMobile()));
    JsonObject before = awaitProfile("crm", key, p -> true);
    awaitAllConsumed();
    Map<String, String> crosswalkBefore = hub.crosswalk();
    String pgUrl = hub.pgUrl();

    hub.close();
    hub = HubTestNode.builder().kafka(names).postgresUrl(pgUrl).start();
    String after = uniqueId("C");
    publish("crm", key, crmContact(key, uniqueEmail("before-restart"), uniqueMobile()).put("modified_at",
        at(-10).toString()));
    publish("crm", after, crmContact(after, uniqueEmail("after-restart"), uniqueMobile()));
    awaitProfile("crm", after, p -> true);
    awaitAllConsumed();

    assertEquals(before.getLong("version"), hub.profileByKey("crm", key).getLong("version"));
    long deadLettered = kafka.readAll(names.deadLetterTopic()).stream().filter(m -> bad.equals(m.value())).count();
    assertEquals(1, deadLettered, "the bad message was not consumed again");
    Map<String, String> crosswalkAfter = hub.crosswalk();
    assertEquals(crosswalkBefore.size() + 1, crosswalkAfter.size(), "only the new record was added");
    crosswalkBefore.forEach((record, profile) -> assertEquals(profile, crosswalkAfter.get(record), record));
  }

  /** Last: while the bug it guards against exists, the partition it uses is blocked for the rest of the class. */
  @Test
  @Order(200)
  void aMessageWithABlankSourceIdIsDeadLetteredAndItsPartitionKeepsFlowing() {
    String key = uniqueId("C");
    String blank = crmContact(null, uniqueEmail("blank-id"), uniqueMobile()).put("sourceId", "   ").encode();
    kafka.send(names.sourceTopic("crm"), key, blank);
    publish("crm", key, crmContact(key, uniqueEmail("after-blank"), uniqueMobile()));

    hub.awaitProfile("crm", key, p -> true, Duration.ofSeconds(20));
    List<Message> deadLetters = kafka.readUntil(names.deadLetterTopic(),
        read -> read.stream().anyMatch(m -> blank.equals(m.value())), WAIT);
    assertReason(deadLetters.stream().filter(m -> blank.equals(m.value())).findFirst().orElseThrow(), "sourceId");
  }
  /** A record that passes decoding but that PostgreSQL refuses: the rest of its poll commits, it is dead-lettered. */
  @Test
  @Order(201)
  void aMessageTheDatabaseRefusesIsDeadLetteredAndTheRestOfItsPollCommits() {
    String contactId = uniqueId("C");
    publish("crm", contactId, crmContact(contactId, uniqueEmail("poison"), uniqueMobile()));
    // a value the decoder lets through and PostgreSQL refuses (as it refused an amount past numeric(18, 2) before
    // the decoder knew that limit): here a trigger's, with the same SQLSTATE
    try (HubTestNode.Undo refusing = hub.refusingOrdersOf("4242.42")) {
      String badNo = uniqueId("O");
      String bad = order(badNo, contactId, "4242.42", "paid", 1).encode();
      kafka.send(names.sourceTopic("orders"), badNo, bad);
      String goodNo = uniqueId("O");
      publish("orders", goodNo, order(goodNo, contactId, "12.00", "paid", 1));

      JsonObject profile = awaitProfile("crm", contactId, p -> orders(p).getInteger("orderCount") == 1);
      assertEquals(12.0, orders(profile).getDouble("spend"), 0.001, "only the good order counts");
      Message deadLetter = kafka.readUntil(names.deadLetterTopic(),
          read -> read.stream().anyMatch(m -> bad.equals(m.value())), WAIT).stream()
          .filter(m -> bad.equals(m.value())).findFirst().orElseThrow();
      assertTrue(deadLetter.headers().get("hub-error").contains("SQLSTATE 22003"), deadLetter::toString);
      assertEquals(names.sourceTopic("orders"), deadLetter.headers().get("hub-source-topic"));
    }
  }

  /** Operators see how far behind the sources the hub is, and what its producer sends, on /metrics. */
  @Test
  @Order(300)
  void theKafkaClientsMetersAreScrapedWithTheHubs() {
    HubTestNode.Response metrics = hub.get("/metrics", hub.adminToken());
    assertEquals(200, metrics.status(), metrics::toString);
    for (String meter : List.of("kafka_consumer_fetch_manager_records_lag_max",
        "kafka_consumer_fetch_manager_records_consumed_total", "kafka_producer_record_send_total",
        "kafka_producer_record_error_total")) {
      assertTrue(metrics.body().contains(meter), meter);
    }
  }
}
