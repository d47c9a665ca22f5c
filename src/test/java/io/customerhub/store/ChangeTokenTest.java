package io.customerhub.store;

import io.customerhub.store.ChangeToken.ChangeState;
import io.customerhub.store.ChangeToken.Cursor;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeTokenTest {

  private static final String DB = "7716519045157615847";

  @Test
  void aTokenReadsBackAsWritten() {
    ChangeToken token = new ChangeToken(DB, 728);
    assertEquals("c1." + DB + ".728", token.text());
    assertEquals(Optional.of(token), ChangeToken.parse(token.text()));
  }

  @Test
  void randomTokensAndCursorsReadBackAsWritten() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      ChangeToken token = new ChangeToken(Long.toString(random.nextLong() >>> 1), random.nextLong() >>> 1);
      assertEquals(Optional.of(token), ChangeToken.parse(token.text()));
      Cursor cursor = new Cursor(random.nextLong() >>> 1, new UUID(random.nextLong(), random.nextLong()));
      assertEquals(Optional.of(cursor), Cursor.parse(cursor.text()));
    }
  }

  @Test
  void whatNoPageWroteIsNoToken() {
    for (String raw : new String[] {null, "", "c1.", "c1..5", "c1.12", "c1.12.", "c1.12.x", "c1.x2.5", "c1.12.-5",
        "c2.12.5", "12.5", "c1.12.5.6", "c1.123456789012345678901.5", "c1.12.99999999999999999999", " c1.12.5"}) {
      assertEquals(Optional.empty(), ChangeToken.parse(raw), "'" + raw + "'");
    }
  }

  @Test
  void whatNoPageWroteIsNoCursor() {
    String id = UUID.randomUUID().toString();
    for (String raw : new String[] {null, "", ".", "5", "5.", "." + id, "x." + id, "-1." + id, "5.1-1-1-1-1",
        "5." + id.toUpperCase(), "5." + id + "x"}) {
      assertEquals(Optional.empty(), Cursor.parse(raw), "'" + raw + "'");
    }
    assertEquals(Optional.of(new Cursor(5, UUID.fromString(id))), Cursor.parse("5." + id));
  }

  @Test
  void theFirstCursorComesBeforeEveryProfileOfTheTokensTransaction() {
    Cursor first = Cursor.first(new ChangeToken(DB, 900));
    assertEquals(900, first.transaction());
    assertEquals(new UUID(0, 0), first.profileId(), "PostgreSQL orders uuids by bytes: the nil uuid is the least");
  }

  @Test
  void aTokenOfAnotherDatabaseOrOfALaterStateCannotBeAnswered() {
    ChangeToken token = new ChangeToken(DB, 900);
    assertEquals(Optional.empty(), token.unanswerableBy(new ChangeState(DB, 950, 960)));
    assertEquals(Optional.empty(), token.unanswerableBy(new ChangeState(DB, 900, 900)), "nothing since: answerable");
    assertTrue(token.unanswerableBy(new ChangeState("42", 950, 960)).orElseThrow().contains("another database"));
    assertTrue(token.unanswerableBy(new ChangeState(DB, 100, 120)).orElseThrow().contains("restored from a backup"));
  }

  @Test
  void theNextTokenIsTheOldestTransactionStillRunning() {
    assertEquals(new ChangeToken(DB, 950), new ChangeState(DB, 950, 960).token());
  }

  @Test
  void aTokenNeedsADatabaseOfDigitsAndATransactionFromZero() {
    assertThrows(IllegalArgumentException.class, () -> new ChangeToken("", 1));
    assertThrows(IllegalArgumentException.class, () -> new ChangeToken("12a", 1));
    assertThrows(IllegalArgumentException.class, () -> new ChangeToken(DB, -1));
  }
}
