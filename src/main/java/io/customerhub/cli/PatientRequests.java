package io.customerhub.cli;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Requests of the commands that talk to a hub, sent again while the hub is busy (503: writers in each other's way, a
 * node repairing what a crash left, the database out of reach; 429) after the pause it asks for, and while it cannot
 * be reached (a node restarting, a rolling restart, a proxy that dropped the connection) after pauses of 1, 2, 4 …
 * 30 s, up to {@link #MAX_RETRIES} times each. Only for requests that may be sent twice: an import's records (one
 * sent again changes nothing) and reads.
 */
final class PatientRequests {

  static final int MAX_RETRIES = 8;
  static final long MAX_PAUSE_SECONDS = 30;

  private PatientRequests() {
  }

  /** The hub could not be reached again within the attempts: the command stops, saying where it got to. */
  static final class Lost extends Exception {
    Lost(String base, String why) {
      super("lost the hub at " + base + " (" + why + ")", null, false, false);
    }
  }

  /**
   * The answer to {@code request} (a new request at each call), sent again while the hub is busy or out of reach;
   * past the attempts, the last busy answer, or {@link Lost}.
   */
  static HttpResponse<Buffer> send(String base, long timeoutMinutes, Supplier<Future<HttpResponse<Buffer>>> request)
      throws Exception {
    HttpResponse<Buffer> response = reached(base, timeoutMinutes, request);
    for (int retry = 1; retry <= MAX_RETRIES && busy(response.statusCode()); retry++) {
      long pause = pauseSeconds(response, retry);
      System.err.printf("%nthe hub answered %d (%s): sending again in %d s (%d of %d)%n", response.statusCode(),
          reason(response), pause, retry, MAX_RETRIES);
      Thread.sleep(TimeUnit.SECONDS.toMillis(pause));
      response = reached(base, timeoutMinutes, request);
    }
    return response;
  }

  private static HttpResponse<Buffer> reached(String base, long timeoutMinutes,
                                              Supplier<Future<HttpResponse<Buffer>>> request) throws Exception {
    for (int retry = 1; ; retry++) {
      try {
        return request.get().toCompletionStage().toCompletableFuture().get(timeoutMinutes + 1, TimeUnit.MINUTES);
      } catch (ExecutionException e) {
        String why = e.getCause() == null || e.getCause().getMessage() == null ? String.valueOf(e.getCause())
            : e.getCause().getMessage();
        if (retry > MAX_RETRIES) throw new Lost(base, why);
        long pause = backoffSeconds(retry);
        System.err.printf("%nno answer from the hub at %s (%s): sending again in %d s (%d of %d)%n", base, why, pause,
            retry, MAX_RETRIES);
        Thread.sleep(TimeUnit.SECONDS.toMillis(pause));
      }
    }
  }

  /** The hub's Retry-After, else 1, 2, 4, … seconds; at most 30. */
  static long pauseSeconds(HttpResponse<Buffer> response, int retry) {
    String asked = response.getHeader("Retry-After");
    boolean seconds = asked != null && asked.strip().matches("\\d{1,4}");
    return seconds ? Math.max(1, Math.min(MAX_PAUSE_SECONDS, Long.parseLong(asked.strip()))) : backoffSeconds(retry);
  }

  /** 1, 2, 4, … seconds before attempt {@code retry} + 1; at most {@link #MAX_PAUSE_SECONDS}. */
  private static long backoffSeconds(int retry) {
    return Math.min(MAX_PAUSE_SECONDS, 1L << Math.min(retry - 1, 5));
  }

  private static boolean busy(int status) {
    return status == 503 || status == 429;
  }

  /** The detail of a problem+json answer, else the status and body as they came. */
  static String reason(HttpResponse<Buffer> response) {
    String detail = RemoteHub.problemDetail(response);
    return detail != null ? detail : "the hub answered " + response.statusCode() + ": " + response.bodyAsString();
  }
}
