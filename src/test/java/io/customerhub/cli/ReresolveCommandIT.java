package io.customerhub.cli;

import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/hub reresolve} against a running hub, with and without re-standardizing the records first. */
class ReresolveCommandIT extends OneHubPerClass {

  @TempDir
  Path dir;

  @Test
  void restandardizingFirstSaysWhatItChangedThenReresolves() throws Exception {
    hub.accept(WireRecords.distinctPerson("crm", "C"));
    hub.accept(WireRecords.distinctPerson("erp", "E"));

    CliRun plain = reresolve();
    assertEquals(0, plain.exit(), plain::toString);
    assertFalse(plain.out().contains("re-standardization"), plain.out());
    assertTrue(plain.out().contains("re-resolution done: 0 records changed profile"), plain.out());

    CliRun restandardized = reresolve("--restandardize");
    assertEquals(0, restandardized.exit(), restandardized::toString);
    assertTrue(restandardized.out().contains("re-standardization done: 0 of 2 records changed their standardized "
        + "values or match keys"), restandardized.out());
    assertTrue(restandardized.out().contains("re-resolution done: 0 records changed profile"), restandardized.out());
  }

  private CliRun reresolve(String... options) throws Exception {
    return CliRun.of(dir, hub.port(), "reresolve", List.of(options));
  }
}
