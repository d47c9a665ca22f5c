package io.customerhub.cli;

import io.vertx.core.json.JsonArray;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did with each record, and its summary: the counts, and the first rejected records and the first
 * records the hub accepted with warnings (a value left out or repaired, such as the impossible date 02/30/1985 kept
 * as 1985-02), each named by its line in the file.
 */
final class ImportReport {

  /** Exit code of an import that stored some records and rejected others: a script must not take it for success. */
  static final int SOME_REJECTED = 3;
  /** How many rejected records and warnings the summary shows; --rejects has every rejected one. */
  static final int SHOWN = 20;

  private long accepted;
  private long rejected;
  private long warned;
  private final List<String> firstRejects = new ArrayList<>();
  private final List<String> firstWarnings = new ArrayList<>();

  void accepted(long line, JsonArray warnings) {
    accepted++;
    if (warnings == null || warnings.isEmpty()) return;
    warned++;
    if (firstWarnings.size() < SHOWN) {
      List<String> said = new ArrayList<>();
      warnings.forEach(w -> said.add(String.valueOf(w)));
      firstWarnings.add("line " + line + ": " + String.join("; ", said));
    }
  }

  /** Counts the rejected record; returns the line that tells it, as the summary and --rejects write it. */
  String rejected(long line, String error) {
    rejected++;
    String told = "line " + line + ": " + error;
    if (firstRejects.size() < SHOWN) firstRejects.add(told);
    return told;
  }

  long accepted() {
    return accepted;
  }

  long rejected() {
    return rejected;
  }

  /**
   * {@code rejectsFile}: where every rejected record went, or null.
   */
  void print(PrintStream out, Path file, String source, double seconds, Path rejectsFile) {
    // "N accepted, M rejected" stays as it was: people and scripts look for it
    out.printf("%nimported %s into source '%s': %d accepted, %d rejected, %.1f s (%.0f records/s)%s%n", file, source,
        accepted, rejected, seconds, (accepted + rejected) / Math.max(seconds, 1e-3),
        warned == 0 ? "" : "; " + warned + " accepted with warnings");
    firstRejects.forEach(r -> out.println("  rejected " + r));
    if (rejected > firstRejects.size()) {
      out.println("  … " + (rejected - firstRejects.size()) + " more rejected: " + (rejectsFile == null
          ? "--rejects FILE writes every rejected record" : "every rejected record is in " + rejectsFile + ", each "
          + "one's reason in " + RejectedRecords.reasonsOf(rejectsFile)));
    }
    firstWarnings.forEach(w -> out.println("  warning " + w));
    if (warned > firstWarnings.size()) {
      out.println("  … " + (warned - firstWarnings.size()) + " more accepted with warnings");
    }
  }

  /** 0 when every record was accepted (warnings or not), {@link #SOME_REJECTED} when some were not, 1 when none was. */
  int exitCode() {
    return accepted == 0 ? 1 : rejected > 0 ? SOME_REJECTED : 0;
  }
}
