package io.customerhub.cli;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportReportTest {

  private static String printed(ImportReport report, Path rejectsFile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8), Path.of("f.csv"), "crm", 2, rejectsFile);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A script running the import must tell an import that left records out from one that stored them all. */
  @Test
  void theExitCodeSaysWhetherAllSomeOrNoneWereAccepted() {
    ImportReport all = new ImportReport();
    all.accepted(2, new JsonArray().add("birthDate: is not a calendar date: '1985-02-30'; kept 1985-02"));
    assertEquals(0, all.exitCode());

    ImportReport some = new ImportReport();
    some.accepted(2, null);
    some.rejected(3, "sourceId: is required");
    assertEquals(ImportReport.SOME_REJECTED, some.exitCode());

    ImportReport none = new ImportReport();
    none.rejected(2, "sourceId: is required");
    assertEquals(1, none.exitCode());
  }

  @Test
  void warningsAreToldByLineAndCountedLikeRejections() {
    ImportReport report = new ImportReport();
    for (int line = 2; line < 2 + ImportReport.SHOWN + 5; line++) {
      report.accepted(line, new JsonArray().add("birthDate: x").add("phones[0]: y"));
      assertEquals("line " + line + ": sourceId: is required", report.rejected(line, "sourceId: is required"));
    }
    report.accepted(99, new JsonArray());

    String printed = printed(report, null);
    assertTrue(printed.contains(": 26 accepted, 25 rejected, 2.0 s (26 records/s); 25 accepted with warnings\n"),
        printed);
    assertTrue(printed.contains("  rejected line 2: sourceId: is required\n"), printed);
    assertTrue(printed.contains("  … 5 more rejected: --rejects FILE writes every rejected record\n"), printed);
    assertTrue(printed.contains("  warning line 2: birthDate: x; phones[0]: y\n"), printed);
    assertTrue(printed.contains("  … 5 more accepted with warnings\n"), printed);
    assertEquals(ImportReport.SHOWN, printed.lines().filter(l -> l.startsWith("  warning line")).count());
    assertTrue(printed(report, Path.of("r.txt")).contains(
        "… 5 more rejected: every rejected record is in r.txt, each one's reason in r.txt.reasons"));
  }

  @Test
  void aCleanImportSaysNothingOfWarnings() {
    ImportReport report = new ImportReport();
    report.accepted(2, null);
    String printed = printed(report, null);
    assertTrue(printed.contains(": 1 accepted, 0 rejected, "), printed);
    assertEquals(1, printed.strip().lines().count(), printed);
  }
}
