package io.customerhub.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.daysAgo;
import static io.customerhub.profile.Records.input;
import static io.customerhub.profile.Records.order;
import static io.customerhub.profile.Records.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileJsonTest {

  private final ObjectMapper numericDates = new ObjectMapper().registerModule(new JavaTimeModule());
  private final ObjectMapper isoDates = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** A profile using every part: lineage with addresses, numbers of several kinds, risk tags and history. */
  private Profile rich() {
    CanonicalRecord erp = rec("erp", "K-77", daysAgo(1)).org("ACME", "91110000MA01").attr("overdueDays", 45)
        .attr("overdueAmount", new BigDecimal("1200.50")).attr("creditLimit", 5000).attr("openReceivables", 6200.5)
        .attr("accountNo", 12_345_678_901L).attr("tags", List.of("a", "b")).address("1 Main St", "Shanghai", "200000")
        .build();
    CanonicalRecord risk = rec("risk", "R-1", daysAgo(2)).org("ACME Ltd", "91110000MA02").attr("debtFlag", true).build();
    List<OrderFact> orders = List.of(order("O-1", 10, "129.90", OrderStatus.DELIVERED, "web"),
        order("O-2", 40, "20", OrderStatus.RETURNED, "store"));
    ProfileAssembler assembler = new ProfileAssembler();
    Profile first = assembler.assemble(input("p1", List.of(ProfileAssemblerTest.crm(), erp, risk), orders, null),
        daysAgo(1));
    return assembler.assemble(input("p1", List.of(ProfileAssemblerTest.crm(), erp), orders, first), NOW);
  }

  @Test
  void profileRoundTripsThroughJackson() throws Exception {
    Profile p = rich();
    assertFalse(p.riskTags().isEmpty());
    assertFalse(p.riskHistory().isEmpty());
    for (ObjectMapper mapper : List.of(numericDates, isoDates)) {
      Profile back = mapper.readValue(mapper.writeValueAsString(p), Profile.class);
      assertEquals(p, back);
      assertEquals(p.toView(true), back.toView(true));
    }
  }

  @Test
  void emptyProfileRoundTrips() throws Exception {
    Profile p = new ProfileAssembler().assemble(input("p0", List.of(), List.of(), null), NOW);
    assertEquals(p, numericDates.readValue(numericDates.writeValueAsString(p), Profile.class));
  }

  @Test
  void viewHoldsOnlyPlainJsonValuesSoAnyEncoderCanWriteIt() {
    assertPlain(rich().toView(true), "view");
  }

  private static void assertPlain(Object value, String path) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> assertPlain(v, path + "." + k));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) assertPlain(l.get(i), path + "[" + i + "]");
    } else {
      assertTrue(value == null || value instanceof String || value instanceof Number || value instanceof Boolean,
          () -> path + " is a " + value.getClass().getName());
    }
  }
}
