package io.customerhub.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub's log as {@code src/main/resources/logback.xml} writes it: text for people, JSON lines for a pipeline. */
class LogFormatTest {

  private final PrintStream stderr = System.err;

  @AfterEach
  void restore() throws Exception {
    System.setErr(stderr);
    System.clearProperty("HUB_LOG_FORMAT");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  /** What the hub's configuration writes for one INFO line and one ERROR line with an exception. */
  private List<String> logged(String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    if (format != null) System.setProperty("HUB_LOG_FORMAT", format);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/logback.xml"));
    var log = LoggerFactory.getLogger("io.customerhub.app.Example");
    log.info("hub node ready on {}", "http://127.0.0.1:8080");
    log.error("unexpected failure", new IllegalStateException("boom \"quoted\"\nsecond line"));
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void textByDefault() throws Exception {
    List<String> lines = logged(null);
    assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  i\\.c\\.app\\.Example - hub node ready on "
        + "http://127\\.0\\.0\\.1:8080"), lines.get(0));
  }

  /** Included by its raw value, JSON or a typo named no file, and the node logged nothing, its errors included. */
  @Test
  void theFormatIsReadInAnyCaseAndAnyOtherValueLogsAsText() throws Exception {
    assertEquals("INFO", new JsonObject(logged("JSON").get(0)).getString("level"));
    List<String> lines = logged("yaml");
    assertEquals("HUB_LOG_FORMAT=yaml is neither text nor json: the log is written as text", lines.get(0));
    assertTrue(lines.get(1).contains(" INFO  i.c.app.Example - hub node ready on"), lines.get(1));
  }

  @Test
  void jsonWritesOneObjectPerLineWithTheExceptionInside() throws Exception {
    List<String> lines = logged("json");
    assertEquals(2, lines.size(), String.join("\n", lines));
    JsonObject info = new JsonObject(lines.get(0));
    assertEquals("INFO", info.getString("level"));
    assertEquals("io.customerhub.app.Example", info.getString("loggerName"));
    assertEquals("hub node ready on http://127.0.0.1:8080", info.getString("formattedMessage"));
    assertTrue(info.getLong("timestamp") > 0);
    JsonObject error = new JsonObject(lines.get(1));
    assertEquals("ERROR", error.getString("level"));
    assertEquals("boom \"quoted\"\nsecond line", error.getJsonObject("throwable").getString("message"));
  }
}
