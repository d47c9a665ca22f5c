package io.customerhub.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterTest {

  private static int bytes(String s) {
    return s == null ? -1 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static DeadLetter.Refused refused(String value) {
    return new DeadLetter.Refused("crm", 2, 41L, "C-1", value, bytes(value));
  }

  private static DeadLetter letter(String value, String reason, int maxValueBytes) {
    return DeadLetter.of(refused(value), reason, maxValueBytes);
  }

  @Test
  void aValueWithinTheBoundIsSentWholeWithWhereItCameFrom() {
    DeadLetter l = letter("{\"contact_id\": ", "body: not a JSON object", 100);
    assertEquals("C-1", l.key());
    assertEquals("{\"contact_id\": ", l.value());
    assertEquals(Map.of("hub-error", "body: not a JSON object", "hub-source-topic", "crm",
        "hub-source-partition", "2", "hub-source-offset", "41"), l.headers());
    assertFalse(l.truncated());
    assertTrue(l.hasValue());
  }

  @Test
  void aLongerValueIsCutToAPrefixAndItsLengthIsGiven() {
    String value = "{\"name\": \"" + "\u5317".repeat(100) + "\"}";
    DeadLetter l = letter(value, "kind: is required", 50);
    assertTrue(value.startsWith(l.value()), l.value());
    assertEquals(49, bytes(l.value()), "10 bytes of ASCII and 13 whole characters of three");
    assertEquals(String.valueOf(bytes(value)), l.headers().get("hub-value-truncated"));
    assertTrue(l.truncated());
    assertEquals("41", l.headers().get("hub-source-offset"));
  }

  @Test
  void theLengthGivenIsTheSizeTheSourceSent() {
    DeadLetter.Refused notUtf8 = new DeadLetter.Refused("crm", 0, 7L, "k", "\ufffd".repeat(40), 40);
    assertEquals("40", DeadLetter.of(notUtf8, "r", 10).headers().get("hub-value-truncated"));
  }

  @Test
  void aReasonQuotingALongInputIsCut() {
    String reason = "updatedAt: is not an ISO-8601 timestamp: '" + "\u5317".repeat(10_000) + "'";
    String cut = letter("{}", reason, 100).headers().get("hub-error");
    assertTrue(bytes(cut) <= DeadLetter.MAX_REASON_BYTES, () -> bytes(cut) + " bytes");
    assertTrue(cut.endsWith("\u2026"), cut);
    assertTrue(reason.startsWith(cut.substring(0, cut.length() - 1)), "a prefix of the reason");
    String fits = "x".repeat(DeadLetter.MAX_REASON_BYTES);
    assertEquals(fits, letter("{}", fits, 100).headers().get("hub-error"));
  }

  @Test
  void cutToNothingALetterKeepsItsKeyHeadersAndTheOriginalLength() {
    DeadLetter bare = letter("x".repeat(300), "r", 0);
    assertEquals("", bare.value());
    assertFalse(bare.hasValue());
    assertEquals("C-1", bare.key());
    assertEquals("300", bare.headers().get("hub-value-truncated"));
    assertEquals("crm", bare.headers().get("hub-source-topic"));
  }

  @Test
  void aNullMessageStaysNullAndHasNothingToLeaveOut() {
    DeadLetter l = letter(null, "value: is empty (null message)", 0);
    assertNull(l.value());
    assertFalse(l.truncated());
    assertFalse(l.hasValue());
  }

  /** A key of a megabyte made a letter Kafka refused even without its value: the letter was lost. */
  @Test
  void aKeyLongerThanAnyNameIsCutAndItsLengthIsGiven() {
    String key = "\u5317".repeat(600_000);
    DeadLetter l = DeadLetter.of(new DeadLetter.Refused("crm", 0, 7L, key, "not json", 8), "body: not JSON", 100);
    assertTrue(l.key().length() * 3 <= DeadLetter.MAX_KEY_BYTES, "cut between characters to the bound");
    assertTrue(key.startsWith(l.key()));
    assertEquals("1800000", l.headers().get("hub-key-truncated"));
    assertEquals("not json", l.value());
    DeadLetter named = DeadLetter.of(new DeadLetter.Refused("crm", 0, 7L, "C-1", "x", 1), "r", 100);
    assertEquals("C-1", named.key());
    assertNull(named.headers().get("hub-key-truncated"));
  }

  /** The log says why a record was refused without the values it quotes: a parser's message held an e-mail's start. */
  @Test
  void theLogsReasonLeavesTheQuotedValuesOut() {
    assertEquals("value: Unrecognized token '…': was expecting a JSON value",
        DeadLetters.withoutValues("value: Unrecognized token 'wei': was expecting a JSON value"));
    assertEquals("birthDate: is not a calendar date: '…'",
        DeadLetters.withoutValues("birthDate: is not a calendar date: '1985-02-30'"));
    assertNull(DeadLetters.withoutValues(null));
  }
}
