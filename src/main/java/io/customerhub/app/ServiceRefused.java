package io.customerhub.app;

/**
 * A service the node needs at start (PostgreSQL, Kafka) refused it or did not answer. Its message is the one line an
 * operator needs, naming the service, where the hub looked for it and the setting that says so, and why: {@code bin/hub
 * start} prints it alone, where a stack trace of 60 lines buried the reason under the Flyway and Kafka frames.
 */
public final class ServiceRefused extends RuntimeException {

  public ServiceRefused(String service, Throwable cause) {
    super(service + ": " + reason(cause), cause);
  }

  /** The innermost cause's message, first line only: the driver's own words ("Connection to … refused"). */
  static String reason(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
    }
    return message == null ? e.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("").strip();
  }
}
