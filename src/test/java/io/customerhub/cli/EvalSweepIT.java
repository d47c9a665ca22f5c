package io.customerhub.cli;

import io.customerhub.resolve.ThresholdSweep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/hub eval --sweep} on a small generated set, run in this JVM with a node of its own. */
class EvalSweepIT {

  /** A table row: its label, then profiles, precision, recall, F1, true, false positives, false negatives, reviews. */
  private static final Pattern ROW = Pattern.compile(
      "^(as the hub did|[0-9.]+(?: \\([a-z, ]+\\))?) +([0-9,]+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9,]+) +([0-9,]+)"
          + " +([0-9,]+) +([0-9,]+)$", Pattern.MULTILINE);

  @Test
  void sweepPrintsARowPerThresholdAndTheOneAtTheMergeThresholdIsCloseToTheHubsOwn() {
    CliRun run = CliRun.of(List.of("eval", "--persons", "300", "--orgs", "30", "--no-orders", "--sweep"));
    assertEquals(0, run.exit(), run.err());
    String out = run.out();
    assertTrue(out.contains("-- threshold sweep: model version "), out);
    assertTrue(out.contains("ignores the cluster guard, explicit links and steward decisions"), out);

    Matcher m = ROW.matcher(out.substring(out.indexOf("-- threshold sweep")));
    List<String[]> rows = new ArrayList<>();
    while (m.find()) {
      String[] row = new String[9];
      for (int g = 1; g <= 9; g++) row[g - 1] = m.group(g);
      rows.add(row);
    }
    // the hub's line, then the grid with the shipped thresholds (0.8 for review, 0.95 for merge)
    assertTrue(rows.size() >= 1 + ThresholdSweep.GRID.size(), out);
    assertEquals("as the hub did", rows.get(0)[0]);
    assertEquals(1, rows.stream().filter(r -> r[0].endsWith("review)")).count(), out);
    String[] atMerge = rows.stream().filter(r -> r[0].endsWith("(merge)")).findFirst().orElseThrow();
    double hubF1 = Double.parseDouble(rows.get(0)[4]);
    double mergeF1 = Double.parseDouble(atMerge[4]);
    assertTrue(hubF1 > 0.95, out);
    assertTrue(Math.abs(mergeF1 - hubF1) < 0.02, "at the merge threshold " + mergeF1 + ", the hub " + hubF1);
    for (int k = 1; k < rows.size(); k++) {
      double precision = Double.parseDouble(rows.get(k)[2]), recall = Double.parseDouble(rows.get(k)[3]);
      assertTrue(precision > 0.9 && precision <= 1 && recall > 0.9 && recall <= 1, rows.get(k)[0] + " in\n" + out);
      if (k > 1) { // the thresholds rise down the table: recall can only fall
        assertTrue(recall <= Double.parseDouble(rows.get(k - 1)[3]), rows.get(k)[0] + " in\n" + out);
      }
    }
  }
}
