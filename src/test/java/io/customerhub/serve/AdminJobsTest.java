package io.customerhub.serve;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job's state as any node tells it: a job whose node left the cluster while it ran is said to be interrupted. */
class AdminJobsTest {

  private static JsonObject running(String node) {
    return new JsonObject().put("jobId", "j1").put("state", "running").put("phase", "moving").put("runningOn", node);
  }

  @Test
  void aJobWhoseNodeIsGoneIsInterrupted() {
    JsonObject told = AdminJobs.interruptedOrAsIs(running("node-a"), List.of("node-b"));
    assertEquals("interrupted", told.getString("state"));
    assertEquals("moving", told.getString("phase"), "where it stopped");
    assertTrue(told.getString("error").contains("start it again"), told::encode);
  }

  @Test
  void aRunningJobOfALiveNodeAndAFinishedJobAreToldAsTheyAre() {
    JsonObject live = running("node-a");
    assertSame(live, AdminJobs.interruptedOrAsIs(live, List.of("node-a", "node-b")));
    JsonObject done = running("node-a").put("state", "done");
    assertSame(done, AdminJobs.interruptedOrAsIs(done, List.of()));
    JsonObject unnamed = running("node-a");
    unnamed.remove("runningOn");
    assertSame(unnamed, AdminJobs.interruptedOrAsIs(unnamed, List.of()), "a state of an older node");
  }
}
