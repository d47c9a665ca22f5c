package io.customerhub.resolve.index;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.Field;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.TwoHubsOnOneDatabase;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.customerhub.testing.Futures.await;
import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes on one database, each with its own candidate index: what one node links, the other finds as a
 * candidate in its next batch, also after the change log it would have caught up from was pruned.
 */
class CandidateIndexSyncIT extends TwoHubsOnOneDatabase {

  private static Rec customer(String source, String email, String given, String family) {
    return person(source, uniqueId(source.toUpperCase())).name(given, family).emails(email);
  }

  @Test
  void aRecordLinkedOnOneNodeIsACandidateOnTheOther() {
    String email = uniqueEmail("shared"), given = uniqueName(), family = uniqueName();
    JsonObject first = nodeA.accept(customer("crm", email, given, family));

    JsonObject second = nodeB.accept(customer("erp", email, given, family));

    assertEquals(first.getString("profileId"), second.getString("profileId"));
  }

  @Test
  void aMergeOnOneNodeIsFollowedByTheOther() {
    String emailA = uniqueEmail("left"), emailB = uniqueEmail("right"), given = uniqueName(), family = uniqueName();
    Rec left = customer("crm", emailA, given, family), right = customer("erp", emailB, given, family);
    JsonObject leftAnswer = nodeA.accept(left), rightAnswer = nodeA.accept(right);
    // node B catches up now, while the two are apart: it indexes both under their own profiles
    nodeB.accept(customer("crm", uniqueEmail("unrelated"), uniqueName(), uniqueName()));
    // a record with both emails bridges the two profiles on node A: one of them is merged into the other
    JsonObject bridge = nodeA.accept(person("web", uniqueId("W")).name(given, family).emails(emailA, emailB));
    String survivor = bridge.getString("profileId");
    String loser = survivor.equals(leftAnswer.getString("profileId")) ? rightAnswer.getString("profileId")
        : leftAnswer.getString("profileId");

    // node B meets the loser's record first through emailB or emailA: it must link to the survivor
    String meets = loser.equals(rightAnswer.getString("profileId")) ? emailB : emailA;
    JsonObject later = nodeB.accept(customer("app", meets, given, family));

    assertEquals(survivor, later.getString("profileId"));
    assertEquals(survivor, nodeB.crosswalk().get(HubTestNode.key(left)));
    assertEquals(survivor, nodeB.crosswalk().get(HubTestNode.key(right)));
  }

  @Test
  void compactedIndexesStillFollowMergesAndDeletions() {
    String emailA = uniqueEmail("left"), emailB = uniqueEmail("right"), given = uniqueName(), family = uniqueName();
    Rec left = customer("crm", emailA, given, family), right = customer("erp", emailB, given, family);
    JsonObject leftAnswer = nodeA.accept(left);
    nodeA.accept(right);
    Rec gone = customer("crm", uniqueEmail("gone"), uniqueName(), uniqueName()).updatedAt(at(1));
    nodeA.accept(gone);
    nodeB.accept(customer("crm", uniqueEmail("unrelated"), uniqueName(), uniqueName()));
    String survivor = nodeA.accept(person("web", uniqueId("W")).name(given, family).emails(emailA, emailB))
        .getString("profileId");
    nodeA.accept(gone.copy().deleted().updatedAt(at(2)));
    nodeB.accept(customer("crm", uniqueEmail("unrelated"), uniqueName(), uniqueName())); // B catches up

    assertTrue(nodeA.node().services().candidateIndex().compact() > 0, "node A forgot its merge redirect");
    assertTrue(nodeB.node().services().candidateIndex().compact() > 0, "node B forgot its merge redirect");

    assertEquals(survivor, nodeB.accept(customer("app", emailB, given, family)).getString("profileId"));
    assertEquals(survivor, nodeA.accept(customer("app", emailA, given, family)).getString("profileId"));
    assertEquals(survivor, nodeB.crosswalk().get(HubTestNode.key(left)), leftAnswer.encode());
  }

  /** A change naming every record (a re-standardization's) is read back a page at a time, to its last record. */
  @Test
  void aChangeOfMoreRecordsThanOneReadTakesIsReadBackWhole() {
    String email = uniqueEmail("paged"), given = uniqueName(), family = uniqueName();
    JsonObject first = nodeA.accept(customer("crm", email, given, family));
    List<SourceKey> named = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) named.add(new SourceKey("gone", uniqueId("G")));
    IndexSync syncA = nodeA.node().services().candidateIndex();
    await(nodeA.node().database().pool().withTransaction(conn -> syncA.log(conn, named, Map.of())));
    CandidateIndex indexB = nodeB.node().services().candidateIndex().index();
    int remembered = indexB.remembered();

    JsonObject second = nodeB.accept(customer("erp", email, given, family));

    assertEquals(first.getString("profileId"), second.getString("profileId"));
    assertTrue(indexB.remembered() >= remembered + named.size(),
        "node B read back every record the change names, none of them stored: " + indexB.remembered());
  }

  /**
   * Each node weighs a value by how many committed records give it, whichever node wrote them: a family name three
   * customers share on node A counts three on node B, and a record that changes its name or is deleted there stops
   * counting on both.
   */
  @Test
  void valueCountsFollowTheCommittedRecordsWhicheverNodeWroteThem() {
    String family = uniqueName(), renamed = uniqueName();
    Rec[] sharing = new Rec[3];
    for (int i = 0; i < sharing.length; i++) {
      sharing[i] = person("crm", uniqueId("TF")).name(uniqueName(), family).emails(uniqueEmail("tf")).updatedAt(at(1));
      nodeA.accept(sharing[i]);
    }
    nodeB.accept(customer("crm", uniqueEmail("unrelated"), uniqueName(), uniqueName())); // B catches up
    assertEquals(3, familyCount(nodeA, family));
    assertEquals(3, familyCount(nodeB, family), "node B counts the records node A wrote");

    nodeA.accept(sharing[0].copy().deleted().updatedAt(at(2)));
    nodeA.accept(sharing[1].copy().name(uniqueName(), renamed).updatedAt(at(2)));
    nodeB.accept(customer("crm", uniqueEmail("unrelated"), uniqueName(), uniqueName()));

    for (HubTestNode node : List.of(nodeA, nodeB)) {
      assertEquals(1, familyCount(node, family), "a deleted record and a renamed one count no more");
      assertEquals(1, familyCount(node, renamed));
    }
  }

  private static long familyCount(HubTestNode node, String family) {
    return node.node().services().engine().count(Field.FAMILY_NAME, family.toLowerCase(Locale.ROOT));
  }

  @Test
  void aNodeThatMissedPrunedChangesReloadsItsIndex() throws Exception {
    String email = uniqueEmail("pruned"), given = uniqueName(), family = uniqueName();
    JsonObject first = nodeA.accept(customer("crm", email, given, family));
    nodeA.accept(customer("crm", uniqueEmail("later"), uniqueName(), uniqueName()));
    // everything but the last change is gone, as the upkeep prunes after a day: node B cannot catch up
    nodeA.node().database().pool().query("delete from index_change where seq < (select max(seq) from index_change)")
        .execute().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    JsonObject second = nodeB.accept(customer("erp", email, given, family));

    assertEquals(first.getString("profileId"), second.getString("profileId"));
    assertEquals(2, familyCount(nodeB, family), "node B weighs values by the reloaded index's counts");
  }
}
