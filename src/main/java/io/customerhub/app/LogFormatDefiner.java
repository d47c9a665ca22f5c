package io.customerhub.app;

import ch.qos.logback.core.PropertyDefinerBase;

import java.util.Locale;

/**
 * The log format {@code HUB_LOG_FORMAT} asks for, as logback.xml includes it: {@code text} or {@code json}, in any
 * case. Included by its raw value, {@code JSON} or a typo named a file that does not exist, and the node logged
 * nothing at all, its errors included; any other value is told on standard error and logs as text.
 */
public final class LogFormatDefiner extends PropertyDefinerBase {

  static final String VARIABLE = "HUB_LOG_FORMAT";

  @Override
  public String getPropertyValue() {
    return format(System.getProperty(VARIABLE, System.getenv(VARIABLE)));
  }

  static String format(String asked) {
    if (asked == null || asked.isBlank()) return "text";
    String format = asked.strip().toLowerCase(Locale.ROOT);
    if (format.equals("text") || format.equals("json")) return format;
    System.err.println(VARIABLE + "=" + asked + " is neither text nor json: the log is written as text");
    return "text";
  }
}
