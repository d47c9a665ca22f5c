package io.customerhub.steward;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OverrideOriginsTest {

  @Test
  void anOverrideGoesWithTheRecordsItWasSetWith() {
    Map<String, List<String>> setWith = Map.of("givenName", List.of("crm:C-1"), "phones", List.of("erp:E-1"));
    assertEquals(List.of("givenName"), OverrideOrigins.movedWith(setWith, Set.of("crm:C-1")));
  }

  @Test
  void anOverrideStaysWhenHalfOrFewerOfItsRecordsLeave() {
    Map<String, List<String>> setWith = Map.of("givenName", List.of("crm:C-1", "erp:E-1"),
        "familyName", List.of("crm:C-1", "erp:E-1", "web:W-1"));
    assertEquals(List.of(), OverrideOrigins.movedWith(setWith, Set.of("crm:C-1")));
    assertEquals(List.of("familyName", "givenName"), OverrideOrigins.movedWith(setWith,
        Set.of("crm:C-1", "erp:E-1")));
  }

  @Test
  void anOverrideWithoutItsRecordsStaysWhereItIs() {
    Map<String, List<String>> setWith = new java.util.HashMap<>();
    setWith.put("givenName", null);
    setWith.put("familyName", List.of());
    assertEquals(List.of(), OverrideOrigins.movedWith(setWith, Set.of("crm:C-1")));
  }

  @Test
  void recordsNoLongerInTheProfileCountAsStaying() {
    // set with two records, one deleted since: the one split out is half of them
    Map<String, List<String>> setWith = Map.of("givenName", List.of("crm:C-1", "crm:C-gone"));
    assertEquals(List.of(), OverrideOrigins.movedWith(setWith, Set.of("crm:C-1")));
  }
}
