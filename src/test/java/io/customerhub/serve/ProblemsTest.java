package io.customerhub.serve;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the database out of reach (503, worth a retry) and which are the hub's own (500). */
class ProblemsTest {

  @Test
  void aConnectionResetOrRefusedIsTheDatabaseOutOfReach() {
    assertTrue(Problems.databaseUnavailable(new SocketException("Connection reset")), "was a 500: an import stopped");
    assertTrue(Problems.databaseUnavailable(new ConnectException("Connection refused")));
    assertTrue(Problems.databaseUnavailable(new IllegalStateException("batch failed",
        new SocketException("Connection reset"))), "wherever it stands among the causes");
    assertFalse(Problems.databaseUnavailable(new NullPointerException()));
  }
}
