package io.customerhub.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {

  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new GenerateCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void writesAllFilesAndPrintsASummary() {
    Path dir = tmp.resolve("data");
    assertEquals(0, run("--persons", "120", "--orgs", "30", "--dup-rate", "0.5", "--seed", "9", "--out", dir.toString()));
    for (String f : new String[] {"crm.ndjson", "erp.ndjson", "orders.ndjson", "risk.ndjson", "crm.csv", "truth.csv"}) {
      assertTrue(Files.exists(dir.resolve(f)), f);
    }
    String summary = out.toString();
    assertTrue(summary.contains("crm.ndjson"), summary);
    assertTrue(summary.contains("Entities: "), summary);
    assertTrue(summary.contains("Duplicates: 75 customers (50.0%)"), summary);
    assertTrue(summary.contains("typo"), summary);
  }

  @Test
  void anotherSourcesFileLeftInTheDirectoryIsPointedOut() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(dir.resolve("extra.ndjson"), "{}\n");
    assertEquals(0, run("--persons", "50", "--orgs", "5", "--out", dir.toString()));
    assertTrue(err.toString().contains("also holds extra.ndjson"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(0, run("--persons", "50", "--orgs", "5", "--out", tmp.resolve("fresh").toString()));
    assertEquals("", err.toString(), "nothing to say of a directory of its own");
  }

  @Test
  void noErrorsAndChosenErrorsAreHonoured() {
    assertEquals(0, run("--persons", "100", "--orgs", "20", "--no-errors", "--out", tmp.resolve("a").toString()));
    assertTrue(out.toString().contains("Errors injected (records changed): none"), out.toString());
    out.getBuffer().setLength(0);
    assertEquals(0, run("--persons", "100", "--orgs", "20", "--errors", "phone-format=1,nickname",
        "--out", tmp.resolve("b").toString()));
    String summary = out.toString();
    assertTrue(summary.contains("phone-format"), summary);
    assertFalse(summary.contains("typo"), summary);
  }

  @Test
  void rejectsUnknownErrorTypesAndContradictions() {
    assertEquals(2, run("--errors", "gremlins", "--out", tmp.toString()));
    assertTrue(err.toString().contains("unknown error type 'gremlins'"), err.toString());
    assertEquals(2, run("--errors", "typo", "--no-errors", "--out", tmp.toString()));
    assertEquals(2, run("--errors", "typo=2", "--out", tmp.toString()));
  }

  @Test
  void namesTheOptionOfABadValue() throws Exception {
    assertEquals(2, run("--persons", "-1", "--out", tmp.toString()));
    assertTrue(err.toString().contains("--persons must not be negative"), err.toString());
    assertEquals(2, run("--dup-rate", "2", "--out", tmp.toString()));
    assertTrue(err.toString().contains("--dup-rate must be within [0, 1]"), err.toString());
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    assertEquals(2, run("--out", file.toString()));
    assertTrue(err.toString().contains("is a file, not a directory"), err.toString());
  }
}
