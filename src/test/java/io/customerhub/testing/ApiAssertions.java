package io.customerhub.testing;

import io.customerhub.testing.HubTestNode.Response;
import io.vertx.core.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on API answers that every test of the HTTP contract repeats. */
public final class ApiAssertions {

  private ApiAssertions() {
  }

  /** An error answer: the status, {@code application/problem+json} with title and status, and no internals. */
  public static JsonObject assertProblem(int status, Response r) {
    assertEquals(status, r.status(), () -> "answer: " + r);
    assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
        () -> "problem+json expected: " + r);
    JsonObject problem = r.json();
    assertEquals(status, problem.getInteger("status"), () -> "problem: " + problem);
    assertNotNull(problem.getString("title"), () -> "problem: " + problem);
    assertNoInternals(r.body());
    return problem;
  }

  /** No stack trace, exception class or SQL in what a caller sees. */
  public static void assertNoInternals(String body) {
    for (String leak : new String[] {"Exception", "\tat ", "at io.", "at java.", "io.vertx", "SQLSTATE", "select "}) {
      assertFalse(body.contains(leak), () -> "the answer shows internals (" + leak + "): " + body);
    }
  }
}
