package io.customerhub.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's browser scripts ({@code src/test/browser/*.mjs}): Node.js with playwright-core driving Debian's
 * headless Chromium. {@code .ci/run} installs both; on a machine without them the calling test is skipped, saying
 * what is missing.
 */
public final class BrowserScripts {

  public static final Path DIR = Path.of("src", "test", "browser");
  public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final Path PLAYWRIGHT = DIR.resolve("node_modules/playwright-core/package.json");

  private BrowserScripts() {
  }

  /** Skips the calling test unless a browser, Node.js and playwright-core are there. */
  public static void assumeInstalled(String what) {
    assumeTrue(Files.isExecutable(CHROMIUM), "no browser at " + CHROMIUM + " (apt-get install chromium, or set"
        + " CHROMIUM): " + what + " is not run");
    assumeTrue(Files.exists(PLAYWRIGHT), "playwright-core is not installed (npm ci --prefix " + DIR + "): " + what
        + " is not run");
    assumeTrue(nodeAvailable(), "Node.js is not installed: " + what + " is not run");
  }

  public static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs {@code script} with {@code env} (CHROMIUM and FAILURE_SCREENSHOT added), its output kept in
   * {@code target/<script>.log}, a failed step's page in {@code target/<script>-failure.png}; fails with the output
   * when it exits with an error or outlives {@code timeout}. Returns the output.
   */
  public static String run(String script, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    Path output = Path.of("target", script.replaceAll("\\.mjs$", "") + ".log");
    Files.createDirectories(output.getParent());
    ProcessBuilder builder = new ProcessBuilder("node", DIR.resolve(script).toString()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("CHROMIUM", CHROMIUM.toString());
    Path screenshot = Path.of("target", script.replaceAll("\\.mjs$", "") + "-failure.png");
    Files.deleteIfExists(screenshot);
    all.putIfAbsent("FAILURE_SCREENSHOT", screenshot.toString());
    builder.environment().putAll(all);
    Process node = builder.start();
    if (!node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      // the browser too: a hung script must not leave a chromium behind for the rest of the build
      node.descendants().forEach(ProcessHandle::destroyForcibly);
      node.destroyForcibly().waitFor();
      fail(script + " did not finish in " + timeout + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(0, node.exitValue(), () -> script + " failed (output in " + output + "):\n" + text);
    return text;
  }
}
