package io.customerhub.cli;

import io.vertx.core.json.JsonObject;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code bin/hub reresolve}: re-runs resolution of all stored records with the current model and thresholds. */
@Command(name = "reresolve", mixinStandardHelpOptions = true,
    description = "Re-resolve every stored record with the current model and thresholds.")
final class ReresolveCommand implements Callable<Integer> {

  @Mixin
  RemoteOptions remote;

  @Override
  public Integer call() throws Exception {
    try (RemoteHub hub = remote.connect()) {
      String token = hub.token("reresolve", "admin");
      JsonObject job = hub.client.postAbs(hub.base + "/api/v1/admin/reresolve").bearerTokenAuthentication(token)
          .send().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES).bodyAsJsonObject();
      String jobUrl = hub.base + "/api/v1/admin/jobs/" + job.getString("jobId");
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("reresolve").setInitialMax(1)
          .setStyle(ProgressBarStyle.ASCII).build()) {
        while (true) {
          job = hub.client.getAbs(jobUrl).bearerTokenAuthentication(token).send()
              .toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES).bodyAsJsonObject();
          bar.setExtraMessage(job.getString("phase"));
          bar.maxHint(Math.max(1, job.getLong("total", 1L)));
          bar.stepTo(job.getLong("done", 0L));
          if (!"running".equals(job.getString("state"))) break;
          Thread.sleep(500);
        }
      }
      if ("failed".equals(job.getString("state"))) {
        System.err.println("re-resolution failed: " + job.getString("error"));
        return 1;
      }
      System.out.printf("re-resolution done: %d records changed profile%n", job.getLong("moved", 0L));
      return 0;
    }
  }
}
