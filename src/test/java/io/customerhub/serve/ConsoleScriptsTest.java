package io.customerhub.serve;

import io.customerhub.testing.BrowserScripts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The steward console's pure script code ({@code webroot/console/js/format.js}) under {@code node --test}
 * ({@code src/test/js}). Node.js is part of the build machine (.ci/run installs it where missing); on a
 * developer's machine without it the test is skipped, saying so.
 */
class ConsoleScriptsTest {

  private static final Path TESTS = Path.of("src", "test", "js");

  @Test
  void consoleScriptsPassTheirTests() throws IOException, InterruptedException {
    assumeTrue(BrowserScripts.nodeAvailable(), "Node.js is not installed: the console's script tests (src/test/js) are not run");
    assertTrue(Files.isDirectory(TESTS), "run from the project directory: " + TESTS.toAbsolutePath());
    Process node = new ProcessBuilder("node", "--test", TESTS.toString()).redirectErrorStream(true).start();
    byte[] output = node.getInputStream().readAllBytes();
    assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node --test did not finish in 60 s");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, node.exitValue(), () -> "node --test " + TESTS + " failed:\n" + text);
    assertTrue(text.contains("# fail 0"), () -> "no test result in:\n" + text);
  }
}
