package io.customerhub.cache;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.TestInfra;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.Serial;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.customerhub.testing.WireRecords.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Design: a commit whose cache write fails (here a partition kept busy past Hazelcast's 5 s call timeout, as a
 * frozen member does) does not leave the state before the commit in the cache: the node repairs the entry once
 * the cluster answers again, and the next read fills it from PostgreSQL.
 */
class CacheRepairIT extends OneHubPerClass {

  /** Holds its key's partition thread, leaving the entry as it is: operations queued behind it time out. */
  static final class BusyPartition implements EntryProcessor<String, String, Boolean> {
    @Serial
    private static final long serialVersionUID = 1L;
    private final long millis;

    BusyPartition(long millis) {
      this.millis = millis;
    }

    @Override
    public Boolean process(Map.Entry<String, String> entry) {
      HubTestNode.sleep(millis);
      return true;
    }
  }

  /** A customer whose profile's view lives on {@code member}. */
  private static String profileOwnedBy(HazelcastInstance member, Rec[] record) {
    for (int i = 0; i < 64; i++) {
      Rec r = WireRecords.distinctPerson("crm", "C");
      String profileId = hub.accept(r).getString("profileId");
      if (member.getPartitionService().getPartition(profileId).getOwner().localMember()) {
        record[0] = r;
        return profileId;
      }
    }
    throw new IllegalStateException("no profile landed on the second member");
  }

  private static ProfileReadModel readModel() {
    return hub.node().services().readModel();
  }

  @Test
  void aViewWhoseWriteTimedOutIsRepairedAndFilledFromPostgres() throws Exception {
    // the partition thread of the node's own member answers its caller's heartbeats for queued operations,
    // so only a remote member's busy partition makes a write time out
    HazelcastInstance other = SecondMember.join();
    try {
      IMap<String, String> profiles = TestInfra.hazelcast().getMap(ProfileCache.PROFILES);
      Rec[] record = new Rec[1];
      String profileId = profileOwnedBy(other, record);
      String before = hub.profile(profileId).getString("givenName");
      assertNotEquals("Renamed", before);

      CompletableFuture<Boolean> busy = other.<String, String>getMap(ProfileCache.PROFILES)
          .submitToKey(profileId, new BusyPartition(12_000)).toCompletableFuture();
      HubTestNode.sleep(200);
      hub.accept(record[0].copy().name("Renamed", "Later").updatedAt(at(10)));
      busy.get(30, TimeUnit.SECONDS);

      // repairs back off while the member does not answer: up to a round of 16 s after the partition is free
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((readModel().repairsPending() > 0 || !"Renamed".equals(hub.profile(profileId).getString("givenName")))
          && System.nanoTime() < deadline) {
        HubTestNode.sleep(250);
      }
      assertEquals("Renamed", hub.profile(profileId).getString("givenName"), "the committed name, not the cached one");
      assertEquals(0, readModel().repairsPending(), "nothing waits for repair");
      VersionedPut.Versioned cached = VersionedPut.Versioned.parse(profiles.get(profileId));
      assertFalse(cached.tombstone(), "the read after the repair filled the entry again");
      assertEquals("Renamed", new JsonObject(cached.payload()).getString("givenName"));
    } finally {
      other.shutdown();
    }
  }
}
