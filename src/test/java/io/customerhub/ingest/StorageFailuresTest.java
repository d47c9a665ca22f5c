package io.customerhub.ingest;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageFailuresTest {

  private static PgException pg(String state) {
    return new PgException("refused", "ERROR", state, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"22001", "22021", "22P02", "23514", "54000"})
  void whatTheDatabaseRefusesForItsContentIsNarrowedDown(String state) {
    assertTrue(StorageFailures.causedByContent(pg(state)), state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"08006", "53300", "57P01", "40001", "40P01", "23505", "23503", "XX000"})
  void outagesAndRacesAreRetriedAsTheyAre(String state) {
    assertFalse(StorageFailures.causedByContent(pg(state)), state);
  }

  @Test
  void connectionsAndTimeoutsAreNeverBlamedOnARecord() {
    assertFalse(StorageFailures.causedByContent(new VertxException("Connection is closed")));
    assertFalse(StorageFailures.causedByContent(new java.io.IOException("reset")));
  }

  @Test
  void theHubsOwnFailureOnAContentIsNarrowedDown() {
    assertTrue(StorageFailures.causedByContent(new IllegalStateException("no")));
    assertTrue(StorageFailures.causedByContent(new NullPointerException()));
  }

  @Test
  void theReasonNamesTheStateNotTheValues() {
    assertEquals("record: the database refused it (SQLSTATE 22001)", StorageFailures.reason(pg("22001")));
    assertEquals("record: could not be resolved (IllegalStateException)",
        StorageFailures.reason(new IllegalStateException("secret value")));
  }
}
