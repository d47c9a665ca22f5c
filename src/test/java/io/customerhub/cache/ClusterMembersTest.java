package io.customerhub.cache;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether a node may join the members of a cluster: one database, and tokens each accepts from the others. */
class ClusterMembersTest {

  private static final UUID DB = UUID.randomUUID();
  private static final String OLD = "o".repeat(32), NEW = "n".repeat(32);

  @Test
  void nodesOfOneDatabaseAndOneKeyJoin() {
    ClusterMembers.Self a = ClusterMembers.Self.of(DB, NEW, List.of());
    assertTrue(ClusterMembers.conflict(a, ClusterMembers.Self.of(DB, NEW, List.of()).json()).isEmpty());
  }

  @Test
  void anotherDatabaseIsRefused() {
    ClusterMembers.Self a = ClusterMembers.Self.of(DB, NEW, List.of());
    String why = ClusterMembers.conflict(a, ClusterMembers.Self.of(UUID.randomUUID(), NEW, List.of()).json())
        .orElseThrow();
    assertTrue(why.startsWith("its members serve another database"), why);
  }

  @Test
  void anotherKeyIsRefusedUnlessARotationAcceptsBoth() {
    ClusterMembers.Self old = ClusterMembers.Self.of(DB, OLD, List.of());
    String why = ClusterMembers.conflict(ClusterMembers.Self.of(DB, NEW, List.of()), old.json()).orElseThrow();
    assertTrue(why.contains("HUB_JWT_SECRET"), why);
    // a rotation: the node with the new key still accepts the old one, and the old node already accepts the new one
    ClusterMembers.Self oldAcceptingNew = ClusterMembers.Self.of(DB, OLD, List.of(NEW));
    assertTrue(ClusterMembers.conflict(ClusterMembers.Self.of(DB, NEW, List.of(OLD)), oldAcceptingNew.json())
        .isEmpty());
    assertTrue(ClusterMembers.conflict(ClusterMembers.Self.of(DB, NEW, List.of(OLD)), old.json()).isPresent(),
        "the old node would refuse the new node's tokens");
  }

  @Test
  void aFingerprintTellsKeysApartWithoutShowingThem() {
    assertEquals(ClusterMembers.fingerprint(NEW), ClusterMembers.fingerprint(NEW));
    assertNotEquals(ClusterMembers.fingerprint(NEW), ClusterMembers.fingerprint(OLD));
    assertTrue(!ClusterMembers.fingerprint(NEW).contains("nnnn"));
    assertEquals(24, ClusterMembers.fingerprint(NEW).length());
  }
}
