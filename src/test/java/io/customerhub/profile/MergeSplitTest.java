package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.daysAgo;
import static io.customerhub.profile.Records.input;
import static io.customerhub.profile.Records.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing is lost on a merge; a split restores each side exactly. */
class MergeSplitTest {

  private final ProfileAssembler assembler = new ProfileAssembler();
  private final SurvivorshipRules rules = SurvivorshipRules.defaults();

  private final List<CanonicalRecord> sideA = List.of(
      rec("crm", "C-1", daysAgo(5)).name("Wei", "Zhang").emails("wei@example.com").birthDate("1990-03-07")
          .address("8 Jianguo Rd", "Beijing", "100022").attr("segment", "retail").build(),
      rec("web", "W-1", daysAgo(1)).name("Wei", "Zhang").phones("138 0013 8000").build());
  private final List<CanonicalRecord> sideB = List.of(
      rec("erp", "K-1", daysAgo(2)).name("W.", "Chang").emails("WEI@example.com", "w.chang@corp.cn")
          .birthDate("1990-07-03").attr("segment", "wholesale").attr("creditLimit", 100).build());

  private List<CanonicalRecord> union() {
    List<CanonicalRecord> all = new ArrayList<>(sideB);
    all.addAll(sideA);
    return all;
  }

  @Test
  void mergedLineageKeepsEveryCandidateOfBothSides() {
    Profile a = assembler.assemble(input("a", sideA, List.of(), null), NOW);
    Profile b = assembler.assemble(input("b", sideB, List.of(), null), NOW);
    Profile merged = assembler.assemble(input("a", union(), List.of(), null), NOW);
    for (String attribute : merged.lineage().keySet()) {
      Set<Candidate> expected = new java.util.HashSet<>();
      if (a.lineage().containsKey(attribute)) expected.addAll(a.lineage().get(attribute).candidates());
      if (b.lineage().containsKey(attribute)) expected.addAll(b.lineage().get(attribute).candidates());
      assertEquals(expected, Set.copyOf(merged.lineage().get(attribute).candidates()), attribute);
    }
    assertEquals(List.of("wei@example.com", "w.chang@corp.cn"), merged.golden().emails());
    assertEquals(List.of("DATA_CONFLICT"), merged.riskCodes(), "two birth dates inside one profile");
  }

  @Test
  void splitRestoresEachSideExactlyFromTheMergedLineage() {
    Profile a = assembler.assemble(input("a", sideA, List.of(), null), NOW);
    Profile b = assembler.assemble(input("b", sideB, List.of(), null), NOW);
    Profile merged = assembler.assemble(input("a", union(), List.of(), null), NOW);
    Set<SourceKey> keysA = sideA.stream().map(CanonicalRecord::key).collect(Collectors.toSet());
    Set<SourceKey> keysB = sideB.stream().map(CanonicalRecord::key).collect(Collectors.toSet());
    assertEquals(a.lineage(), Lineage.restrict(merged.lineage(), keysA, rules));
    assertEquals(b.lineage(), Lineage.restrict(merged.lineage(), keysB, rules));
    assertEquals(a.golden(), Golden.fromLineage(Lineage.restrict(merged.lineage(), keysA, rules)));
  }

  @Test
  void reassemblingASideAfterTheSplitGivesItsOriginalProfileBack() {
    Profile a = assembler.assemble(input("a", sideA, List.of(), null), NOW);
    Profile merged = assembler.assemble(input("a", union(), List.of(), null), NOW);
    Profile splitA = assembler.assemble(input("a", sideA, List.of(), merged), NOW);
    assertEquals(a.golden(), splitA.golden());
    assertEquals(a.lineage(), splitA.lineage());
    assertEquals(a.records(), splitA.records());
    assertTrue(splitA.riskTags().isEmpty(), "the conflict cleared with the split");
    assertEquals(2, splitA.riskHistory().size(), "raised on merge, cleared on split");
  }

  @Test
  void memberOrderDoesNotMatter() {
    List<CanonicalRecord> reversed = new ArrayList<>(union());
    java.util.Collections.reverse(reversed);
    assertEquals(assembler.assemble(input("a", union(), List.of(), null), NOW),
        assembler.assemble(input("a", reversed, List.of(), null), NOW));
  }
}
