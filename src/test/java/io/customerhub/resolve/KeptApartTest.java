package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeptApartTest {

  private static final SourceKey A = new SourceKey("crm", "C-1");
  private static final SourceKey B = new SourceKey("erp", "E-1");
  private static final SourceKey C = new SourceKey("web", "W-1");

  @Test
  void aPairIsKeptApartWhicheverWayRoundItIsAsked() {
    KeptApart kept = new KeptApart();
    kept.add(B, A);
    assertTrue(kept.contains(A, B));
    assertTrue(kept.contains(B, A));
    assertFalse(kept.contains(A, C));
    kept.add(A, B);
    assertEquals(1, kept.size());
  }

  /** Protects a steward's merge back of a split: the pair merged is no longer kept apart. */
  @Test
  void aPairMergedLaterIsNoLongerKeptApartWhicheverWayRoundItIsNamed() {
    KeptApart kept = new KeptApart();
    kept.add(A, B);
    kept.add(A, C);
    kept.remove(B, A);
    assertFalse(kept.contains(A, B));
    assertTrue(kept.contains(A, C));
    assertEquals(1, kept.size());
  }

  @Test
  void twoGroupsMayNotJoinWhenAnyRecordOfOneWasKeptApartFromAnyOfTheOther() {
    KeptApart kept = new KeptApart();
    assertTrue(kept.check(List.of(record(A)), List.of(record(B))).isEmpty(), "nothing decided, nothing to say");
    kept.addAll(List.<SourceKey[]>of(new SourceKey[] {A, B}));

    assertTrue(kept.check(List.of(record(C), record(A)), List.of(record(B))).orElseThrow().contains("crm:C-1"));
    assertTrue(kept.check(List.of(record(B)), List.of(record(C), record(A))).isPresent(), "either side");
    assertTrue(kept.check(List.of(record(A)), List.of(record(C))).isEmpty());
  }

  private static StandardRecord record(SourceKey key) {
    return new StandardRecord(key, io.customerhub.record.Kind.PERSON, null, null, null, null, null, null, List.of(),
        List.of(), List.of(), List.of());
  }
}
