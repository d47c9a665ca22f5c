package io.customerhub.steward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverrideValueTest {

  private static String refusal(String attribute, Object value) {
    StewardRefusal r = assertThrows(StewardRefusal.class, () -> OverrideValue.of(attribute, value));
    assertEquals(StewardRefusal.Kind.INVALID, r.kind());
    return r.getMessage();
  }

  @Test
  void aSingleFieldTakesATrimmedNonEmptyString() {
    assertEquals("Wei", OverrideValue.of("givenName", "  Wei "));
    assertTrue(refusal("givenName", " ").startsWith("value: must be a non-empty string"));
    assertTrue(refusal("givenName", 5).startsWith("value:"));
    assertTrue(refusal("givenName", "x".repeat(OverrideValue.MAX_TEXT + 1)).contains("longer than"));
  }

  /** Protects the override endpoint from a 500: PostgreSQL stores no NUL character in json. */
  @Test
  void aNulCharacterIsRefusedWithTheFieldAtFault() {
    assertEquals("value: must not contain NUL characters", refusal("givenName", "a\u0000b"));
    assertEquals("value: must not contain NUL characters", refusal("attributes.segment", "a\u0000b"));
    assertTrue(refusal("emails", List.of("a@example.com", "b\u0000@example.com")).startsWith("value[1]: must not"));
    assertTrue(refusal("addresses", List.of(Map.of("city", "Bei\u0000jing"))).startsWith("value[0].city: must not"));
  }

  @Test
  void aBirthDateMustBeACalendarDate() {
    assertEquals("1990-02-28", OverrideValue.of("birthDate", "1990-02-28"));
    assertTrue(refusal("birthDate", "1990-02-30").contains("not a date"));
  }

  @Test
  void anOwnAttributeTakesAStringANumberOrABoolean() {
    assertEquals("vip", OverrideValue.of("attributes.segment", "vip"));
    assertEquals(3, OverrideValue.of("attributes.visits", 3));
    assertEquals(true, OverrideValue.of("attributes.optIn", true));
    assertTrue(refusal("attributes.segment", List.of("a")).startsWith("value:"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"email", "attributes.", "attributes.a b", "records", ""})
  void unknownAttributesAreRefusedByName(String attribute) {
    assertTrue(refusal(attribute, "x").startsWith("attribute: '" + attribute + "'"));
  }

  @Test
  void emailsAreTheWholeListInOrderWithoutRepeats() {
    assertEquals(List.of("wei@example.com", "w.zhang@example.cn"),
        OverrideValue.of("emails", List.of(" wei@example.com", "w.zhang@example.cn", "WEI@example.com")));
    assertEquals(List.of(), OverrideValue.of("emails", List.of()), "an empty list shows no email");
  }

  @Test
  void aBadEmailIsRefusedWithItsPosition() {
    assertEquals("value[1]: 'wei(at)example.com' is not an email address",
        refusal("emails", List.of("wei@example.com", "wei(at)example.com")));
    assertTrue(refusal("emails", List.of("a@localhost")).startsWith("value[0]:"));
    assertTrue(refusal("emails", List.of("a@b@c.com")).startsWith("value[0]:"));
    assertTrue(refusal("emails", "wei@example.com").startsWith("value: must be the list of emails"));
    assertTrue(refusal("emails", Collections.nCopies(101, "a@b.cn")).contains("more than 100"));
  }

  @Test
  void phonesKeepTheirWritingAndDropTheSameNumberWrittenAgain() {
    assertEquals(List.of("+86 138 0013 8000", "(206) 473-1762"),
        OverrideValue.of("phones", List.of("+86 138 0013 8000", "(206) 473-1762", "+8613800138000")));
    assertTrue(refusal("phones", List.of("call me")).startsWith("value[0]: 'call me' is not a phone number"));
    assertTrue(refusal("phones", List.of("1234")).startsWith("value[0]:"), "too few digits");
    Map<String, Object> notText = new HashMap<>();
    assertTrue(refusal("phones", List.of(notText)).startsWith("value[0]: must be a non-empty string"));
  }

  @Test
  void addressesTakeTheContractShapeWithEveryFieldPresent() {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("line1", " 1 Renmin Rd ");
    given.put("city", "Shanghai");
    given.put("country", "CN");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> out = (List<Map<String, Object>>) OverrideValue.of("addresses", List.of(given, given));

    assertEquals(1, out.size(), "the same address twice is one");
    assertEquals(List.of("line1", "line2", "city", "region", "postcode", "country"), List.copyOf(out.get(0).keySet()));
    assertEquals("1 Renmin Rd", out.get(0).get("line1"));
    assertEquals(null, out.get(0).get("postcode"));
  }

  @Test
  void aBadAddressIsRefusedWithTheFieldAtFault() {
    assertEquals("value[0].street: is none of [line1, line2, city, region, postcode, country]",
        refusal("addresses", List.of(Map.of("street", "1 Main St"))));
    assertTrue(refusal("addresses", List.of(Map.of("city", " "))).startsWith("value[0]: has none of"));
    assertTrue(refusal("addresses", List.of(Map.of("city", 7))).startsWith("value[0].city: must be a non-empty"));
    assertTrue(refusal("addresses", List.of("1 Main St")).startsWith("value[0]: must be an address object"));
  }
}
