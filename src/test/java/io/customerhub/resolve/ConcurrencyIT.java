package io.customerhub.resolve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.TwoHubsOnOneDatabase;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.customerhub.testing.HubTestNode.NDJSON;
import static io.customerhub.testing.HubTestNode.key;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Design: concurrent writers serialize on blocking keys, so batches racing on one customer, on one node or on several
 * nodes sharing the database, never create two profiles for it.
 */
class ConcurrencyIT extends TwoHubsOnOneDatabase {

  private static final int ROUNDS = 3;
  /** Other customers around the contested record, so that the racing transactions take a while. */
  private static final int NOISE = 60;

  /** A batch of {@link #NOISE} unrelated customers with the contested record in the middle. */
  private static List<Rec> batchAround(Rec contested) {
    List<Rec> batch = new ArrayList<>();
    for (int i = 0; i < NOISE; i++) {
      batch.add(person(contested.source(), uniqueId("N")).name(uniqueName(), uniqueName())
          .emails(uniqueEmail("noise")).updatedAt(at(0)));
    }
    batch.add(NOISE / 2, contested);
    return batch;
  }

  /** Sends every batch at once, batch i to node {@code nodes[i % nodes.length]}; returns each contested answer. */
  private static List<JsonObject> race(List<Rec> contested, HubTestNode... nodes) throws Exception {
    List<CompletableFuture<Response>> inFlight = new ArrayList<>();
    for (int i = 0; i < contested.size(); i++) {
      HubTestNode node = nodes[i % nodes.length];
      Rec rec = contested.get(i);
      HttpRequest request = node.postRequest("/api/v1/records/" + rec.source(), NDJSON,
          WireRecords.ndjson(batchAround(rec)), node.adminToken());
      inFlight.add(HubTestNode.sendAsync(request));
    }
    List<JsonObject> answers = new ArrayList<>();
    for (CompletableFuture<Response> f : inFlight) {
      Response r = f.get(2, TimeUnit.MINUTES);
      assertEquals(200, r.status(), r::toString);
      JsonObject answer = r.ndjson().get(NOISE / 2);
      assertEquals("accepted", answer.getString("status"), answer::encode);
      answers.add(answer);
    }
    return answers;
  }

  /** Every record is found, on every node, in one and the same active profile (no redirect), and the crosswalk agrees. */
  private static String assertOneProfile(List<Rec> records) {
    Set<String> profiles = new HashSet<>();
    for (HubTestNode node : List.of(nodeA, nodeB)) {
      for (Rec r : records) profiles.add(node.profileByKey(r).getString("profileId"));
    }
    assertEquals(1, profiles.size(), () -> "one profile for " + records.stream().map(HubTestNode::key).toList()
        + ", found " + profiles);
    String profileId = profiles.iterator().next();
    Map<String, String> crosswalk = nodeA.crosswalk();
    for (Rec r : records) assertEquals(profileId, crosswalk.get(key(r)), "crosswalk of " + key(r));
    assertEquals(records.size(), HubTestNode.recordKeys(nodeB.profile(profileId)).size());
    return profileId;
  }

  private static List<Rec> sameEmailFromDifferentSources(int count) {
    String email = uniqueEmail("contested");
    String given = uniqueName();
    String[] sources = {"crm", "erp", "webshop", "callcenter"};
    List<Rec> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Rec r = person(sources[i % sources.length], uniqueId("X")).name(given, "Zhang")
          .emails(i % 2 == 0 ? email : email.toUpperCase()).updatedAt(at(i));
      records.add(r);
    }
    return records;
  }

  @Test
  void concurrentBatchesOnOneNodeWithTheSameCustomerMakeExactlyOneProfile() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      List<Rec> contested = sameEmailFromDifferentSources(4);

      List<JsonObject> answers = race(contested, nodeA);

      String profileId = assertOneProfile(contested);
      for (JsonObject a : answers) assertEquals(profileId, a.getString("profileId"), "round " + round + ": " + a);
    }
  }

  /**
   * Many callers sending one record each at the same moment: their small batches share linking transactions, and
   * each caller still gets its own record's answer; the customers sent several times, by several callers, end up in
   * one profile each.
   */
  @Test
  void manySingleRecordRequestsAtOnceShareTransactionsAndEachGetsItsOwnAnswer() throws Exception {
    List<List<Rec>> customers = new ArrayList<>();
    List<Rec> all = new ArrayList<>();
    for (int c = 0; c < 15; c++) {
      List<Rec> same = sameEmailFromDifferentSources(4);
      customers.add(same);
      all.addAll(same);
    }
    double batchesBefore = nodeA.counter("hub_resolve_link_batches_total");
    double transactionsBefore = nodeA.counter("hub_resolve_link_transactions_total");

    List<CompletableFuture<Response>> inFlight = new ArrayList<>();
    for (Rec r : all) {
      inFlight.add(HubTestNode.sendAsync(nodeA.postRequest("/api/v1/records/" + r.source(), NDJSON,
          WireRecords.ndjson(List.of(r)), nodeA.adminToken())));
    }
    for (int i = 0; i < all.size(); i++) {
      Rec sent = all.get(i);
      Response answer = inFlight.get(i).get(2, TimeUnit.MINUTES);
      assertEquals(200, answer.status(), answer::toString);
      JsonObject line = answer.ndjson().get(0);
      assertEquals("accepted", line.getString("status"), line::encode);
      assertEquals(nodeA.profileByKey(sent).getString("profileId"), line.getString("profileId"),
          () -> "the answer of " + key(sent) + " names its own profile: " + line.encode());
    }
    for (List<Rec> same : customers) assertOneProfile(same);

    double batches = nodeA.counter("hub_resolve_link_batches_total") - batchesBefore;
    double transactions = nodeA.counter("hub_resolve_link_transactions_total") - transactionsBefore;
    assertEquals(all.size(), batches, 0.0);
    assertTrue(transactions < batches,
        () -> transactions + " transactions for " + batches + " batches sent at once");
  }

  @Test
  void concurrentBatchesOnTwoNodesSharingTheDatabaseMakeExactlyOneProfile() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      List<Rec> contested = sameEmailFromDifferentSources(4);

      List<JsonObject> answers = race(contested, nodeA, nodeB);

      String profileId = assertOneProfile(contested);
      for (JsonObject a : answers) assertEquals(profileId, a.getString("profileId"), "round " + round + ": " + a);
    }
  }

  @Test
  void aBridgingRecordRacingTheTwoRecordsItBridgesEndsInOneProfile() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String email = uniqueEmail("race");
      String mobile = uniqueMobile();
      Rec byEmail = person("crm", uniqueId("C")).emails(email).updatedAt(at(0));
      Rec byPhone = person("erp", uniqueId("K")).phones(mobile).updatedAt(at(0));
      Rec bridge = person("webshop", uniqueId("W")).emails(email).phones(WireRecords.international(mobile))
          .updatedAt(at(0));

      race(List.of(byEmail, byPhone, bridge), nodeA, nodeB, nodeA);

      assertOneProfile(List.of(byEmail, byPhone, bridge));
    }
  }

  /**
   * An order and its customer arriving at the same moment on two nodes: whichever commits last must see the other,
   * or the order is stored but never counted. One record per request, so that the two transactions share no lock
   * by chance (a batch's many keys would make their lock buckets collide and serialize them).
   */
  @Test
  void anOrderRacingItsCustomerOnAnotherNodeIsCounted() throws Exception {
    int pairs = 12;
    for (int round = 0; round < ROUNDS; round++) {
      List<Rec> customers = new ArrayList<>();
      List<CompletableFuture<Response>> inFlight = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        Rec customer = person("crm", uniqueId("C")).name(uniqueName(), uniqueName()).emails(uniqueEmail("buyer"))
            .updatedAt(at(0));
        Rec order = WireRecords.order(uniqueId("O"), "crm", customer.sourceId()).ordered(at(5), "10.00", "paid")
            .updatedAt(at(5));
        customers.add(customer);
        inFlight.add(HubTestNode.sendAsync(nodeA.postRequest("/api/v1/records/orders", NDJSON,
            WireRecords.ndjson(List.of(order)), nodeA.adminToken())));
        inFlight.add(HubTestNode.sendAsync(nodeB.postRequest("/api/v1/records/crm", NDJSON,
            WireRecords.ndjson(List.of(customer)), nodeB.adminToken())));
      }
      for (CompletableFuture<Response> f : inFlight) assertEquals(200, f.get(2, TimeUnit.MINUTES).status());

      List<String> uncounted = new ArrayList<>();
      for (Rec c : customers) {
        if (nodeA.profileByKey(c).getJsonObject("orders").getInteger("orderCount") != 1) uncounted.add(key(c));
      }
      int r = round;
      assertEquals(List.of(), uncounted, () -> "round " + r + ": customers whose order is stored but not counted");
    }
  }

  /**
   * An order for a customer whose profile is being merged at that moment, on another node: the survivor counts the
   * order and the merged-away profile stays merged.
   */
  @Test
  void anOrderRacingAMergeOfItsCustomersProfileIsCountedByTheSurvivor() throws Exception {
    int pairs = 8;
    for (int round = 0; round < ROUNDS; round++) {
      List<Rec> customers = new ArrayList<>();
      List<String[]> profiles = new ArrayList<>();
      List<CompletableFuture<Response>> inFlight = new ArrayList<>();
      List<HttpRequest> requests = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        String email = uniqueEmail("merging");
        String mobile = uniqueMobile();
        Rec byEmail = person("crm", uniqueId("C")).emails(email).updatedAt(at(0));
        Rec byPhone = person("erp", uniqueId("K")).phones(mobile).updatedAt(at(0));
        String survivor = nodeA.accept(byEmail).getString("profileId");
        String mergedAway = nodeA.accept(byPhone).getString("profileId");
        customers.add(byPhone);
        profiles.add(new String[] {survivor, mergedAway});
        Rec bridge = person("webshop", uniqueId("W")).emails(email).phones(mobile).updatedAt(at(1));
        Rec order = WireRecords.order(uniqueId("O"), byPhone.source(), byPhone.sourceId())
            .ordered(at(5), "10.00", "paid").updatedAt(at(5));
        requests.add(nodeA.postRequest("/api/v1/records/orders", NDJSON, WireRecords.ndjson(List.of(order)),
            nodeA.adminToken()));
        requests.add(nodeB.postRequest("/api/v1/records/webshop", NDJSON, WireRecords.ndjson(List.of(bridge)),
            nodeB.adminToken()));
      }
      for (HttpRequest request : requests) inFlight.add(HubTestNode.sendAsync(request));
      for (CompletableFuture<Response> f : inFlight) assertEquals(200, f.get(2, TimeUnit.MINUTES).status());

      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        String survivor = profiles.get(i)[0];
        String mergedAway = profiles.get(i)[1];
        Response away = nodeA.profileResponse(mergedAway);
        if (away.status() != 308) wrong.add(mergedAway + " answers " + away.status() + " instead of 308");
        JsonObject kept = nodeA.profile(survivor);
        if (kept.getJsonObject("orders").getInteger("orderCount") != 1) {
          wrong.add("survivor " + survivor + " counts " + kept.getJsonObject("orders").getInteger("orderCount")
              + " orders of " + key(customers.get(i)));
        }
        String holder = nodeA.crosswalk().get(key(customers.get(i)));
        if (!survivor.equals(holder)) wrong.add(key(customers.get(i)) + " is in " + holder);
      }
      int r = round;
      assertEquals(List.of(), wrong, () -> "round " + r);
    }
  }

  @Test
  void concurrentVersionsOfOneRecordOnTwoNodesConvergeOnTheNewest() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Rec base = person("crm", uniqueId("C")).emails(uniqueEmail("versions"));
      List<Rec> versions = new ArrayList<>();
      for (int v = 1; v <= 6; v++) versions.add(base.copy().name("Version" + v, "Zhang").updatedAt(at(v)));
      java.util.Collections.shuffle(versions);

      List<CompletableFuture<Response>> inFlight = new ArrayList<>();
      for (int i = 0; i < versions.size(); i++) {
        HubTestNode node = i % 2 == 0 ? nodeA : nodeB;
        inFlight.add(HubTestNode.sendAsync(node.postRequest("/api/v1/records/crm", NDJSON,
            WireRecords.ndjson(List.of(versions.get(i))), node.adminToken())));
      }
      for (CompletableFuture<Response> f : inFlight) assertEquals(200, f.get(2, TimeUnit.MINUTES).status());

      assertEquals("Version6", nodeA.profileByKey(base).getString("givenName"), "round " + round);
      assertEquals("Version6", nodeB.profileByKey(base).getString("givenName"), "round " + round);
    }
  }
}
