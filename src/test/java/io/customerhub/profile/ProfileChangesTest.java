package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.daysAgo;
import static io.customerhub.profile.Records.input;
import static io.customerhub.profile.Records.order;
import static io.customerhub.profile.Records.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileChangesTest {

  private final ProfileAssembler assembler = new ProfileAssembler();
  private final CanonicalRecord crm = rec("crm", "C-1", daysAgo(5)).name("Wei", "Zhang").attr("segment", "retail")
      .build();

  @Test
  void aNewProfileIsCreated() {
    Profile p = assembler.assemble(input("p", List.of(crm), List.of(), null), NOW);
    ProfileChanges c = ProfileChanges.between(null, p);
    assertEquals(List.of(ProfileChanges.CREATED), c.types());
    assertTrue(c.changedAttributes().containsAll(List.of("givenName", "familyName", "attributes.segment", "records")));
  }

  @Test
  void recomputingTheSameInputChangesNothing() {
    Profile p = assembler.assemble(input("p", List.of(crm), List.of(), null), NOW);
    Profile again = assembler.assemble(input("p", List.of(crm), List.of(), p), NOW.plusSeconds(5));
    assertFalse(ProfileChanges.between(p, again).hasChanges());
  }

  @Test
  void attributeChangesAreNamed() {
    Profile p = assembler.assemble(input("p", List.of(crm), List.of(), null), NOW);
    CanonicalRecord newer = rec("crm", "C-1", daysAgo(1)).name("Wei", "Chang").attr("segment", "vip").build();
    ProfileChanges c = ProfileChanges.between(p, assembler.assemble(input("p", List.of(newer), List.of(), p), NOW));
    assertEquals(List.of(ProfileChanges.UPDATED), c.types());
    assertEquals(List.of("attributes.segment", "familyName"), c.changedAttributes());
  }

  @Test
  void tierAndRiskChangesAreTyped() {
    Profile p = assembler.assemble(input("p", List.of(crm), List.of(), null), NOW);
    Profile ordered = assembler.assemble(input("p", List.of(crm),
        List.of(order("O-1", 3, "8000", OrderStatus.DELIVERED, "web")), p), NOW);
    ProfileChanges c = ProfileChanges.between(p, ordered);
    assertEquals(List.of(ProfileChanges.UPDATED, ProfileChanges.TIER_CHANGED, ProfileChanges.RISK_TAGS_CHANGED),
        c.types(), "none → platinum, and NEW_CUSTOMER raised");
    assertEquals(List.of("orders", "riskTags", "tier"), c.changedAttributes());
  }
}
