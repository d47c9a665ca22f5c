package io.customerhub.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.customerhub.record.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.input;
import static io.customerhub.profile.Records.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileJsonTest {

  private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

  @Test
  void profileRoundTripsThroughJackson() throws Exception {
    Profile p = new ProfileAssembler().assemble(input("p1",
        List.of(ProfileAssemblerTest.crm(), ProfileAssemblerTest.erp()),
        List.of(order("O-1", 10, "129.90", OrderStatus.DELIVERED, "web"),
            order("O-2", 40, "20", OrderStatus.RETURNED, "store")), null), NOW);
    String json = mapper.writeValueAsString(p);
    Profile back = mapper.readValue(json, Profile.class);
    assertEquals(p, back);
    assertEquals(p.toView(true), back.toView(true));
  }

  @Test
  void emptyProfileRoundTrips() throws Exception {
    Profile p = new ProfileAssembler().assemble(input("p0", List.of(), List.of(), null), NOW);
    assertEquals(p, mapper.readValue(mapper.writeValueAsString(p), Profile.class));
  }
}
