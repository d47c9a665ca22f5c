package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a re-resolution would change, from each record's profile now and after. */
class ReresolutionPreviewTest {

  private static final UUID A = new UUID(0, 1);
  private static final UUID B = new UUID(0, 2);
  private static final UUID C = new UUID(0, 3);
  private static final UUID NEW = new UUID(0, 99);

  private static ReresolutionPreview preview(List<UUID> now, UUID... after) {
    List<SourceKey> keys = new ArrayList<>();
    for (int i = 0; i < now.size(); i++) keys.add(new SourceKey("crm", "r" + i));
    return ReresolutionPreview.of(keys, now, after, 0);
  }

  @Test
  void nothingMovesNothingChanges() {
    ReresolutionPreview p = preview(List.of(A, A, B), A, A, B);
    assertEquals(new ReresolutionPreview(3, 0, 2, 2, 0, 0, 0, 0, 0, List.of()), p);
  }

  @Test
  void twoProfilesCombined() {
    ReresolutionPreview p = preview(List.of(A, A, B), A, A, A);
    assertEquals(1, p.moving());
    assertEquals(2, p.profilesNow());
    assertEquals(1, p.profilesAfter());
    assertEquals(1, p.profilesJoined());
    assertEquals(0, p.profilesSplit());
    assertEquals(2, p.pairsJoined(), "r2 with r0 and with r1");
    assertEquals(0, p.pairsParted());
    ReresolutionPreview.Move m = p.examples().get(0);
    assertEquals(new SourceKey("crm", "r2"), m.record());
    assertEquals(B, m.from());
    assertEquals(A, m.to());
    assertFalse(m.newProfile(), "A is one of today's profiles");
  }

  @Test
  void aProfileSplitIntoANewOne() {
    ReresolutionPreview p = preview(List.of(A, A, A), A, A, NEW);
    assertEquals(1, p.moving());
    assertEquals(1, p.profilesSplit());
    assertEquals(0, p.profilesJoined());
    assertEquals(0, p.pairsJoined());
    assertEquals(2, p.pairsParted());
    assertTrue(p.examples().get(0).newProfile());
  }

  @Test
  void aRecordThatChangesSidesJoinsOneAndLeavesAnother() {
    ReresolutionPreview p = preview(List.of(A, A, B, B), A, B, B, B);
    assertEquals(1, p.moving());
    assertEquals(1, p.profilesJoined(), "B takes a record of A");
    assertEquals(1, p.profilesSplit(), "A gives a record to B");
    assertEquals(2, p.pairsJoined());
    assertEquals(1, p.pairsParted());
  }

  @Test
  void examplesStopAtTwentyButEveryMoveIsCounted() {
    List<UUID> now = new ArrayList<>();
    UUID[] after = new UUID[50];
    for (int i = 0; i < 50; i++) {
      now.add(new UUID(1, i));
      after[i] = C;
    }
    ReresolutionPreview p = preview(now, after);
    assertEquals(50, p.moving(), "C is none of today's profiles: every record moves");
    assertEquals(ReresolutionPreview.EXAMPLES, p.examples().size());
    assertEquals(new SourceKey("crm", "r0"), p.examples().get(0).record(), "the first in key order");
    assertEquals(1, p.profilesJoined());
    assertEquals(50 * 49 / 2, p.pairsJoined());
  }

  /**
   * Over random assignments: the pairs joined minus those parted are the change in pairs sharing a profile, the
   * reverse run swaps them, and nothing moves exactly when every record keeps its profile.
   */
  @Test
  void pairCountsAgreeWithTheGroupingsOverRandomAssignments() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      int n = 1 + random.nextInt(40);
      List<UUID> now = new ArrayList<>();
      UUID[] after = new UUID[n];
      for (int i = 0; i < n; i++) {
        now.add(new UUID(0, random.nextInt(1 + n / 3)));
        after[i] = random.nextInt(4) == 0 ? new UUID(0, random.nextInt(1 + n / 3)) : now.get(i);
      }
      ReresolutionPreview forth = preview(now, after);
      ReresolutionPreview back = preview(List.of(after), now.toArray(UUID[]::new));
      assertEquals(sharing(List.of(after)) - sharing(now), forth.pairsJoined() - forth.pairsParted());
      assertEquals(forth.pairsJoined(), back.pairsParted());
      assertEquals(forth.pairsParted(), back.pairsJoined());
      assertEquals(forth.moving(), back.moving());
      assertEquals(forth.moving() == 0, now.equals(List.of(after)));
      assertTrue(forth.examples().size() <= ReresolutionPreview.EXAMPLES);
    }
  }

  /** Pairs of records in the same profile, counted pair by pair. */
  private static long sharing(List<UUID> profiles) {
    long n = 0;
    for (int i = 0; i < profiles.size(); i++) {
      for (int j = i + 1; j < profiles.size(); j++) if (profiles.get(i).equals(profiles.get(j))) n++;
    }
    return n;
  }
}
