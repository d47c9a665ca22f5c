package io.customerhub.cli;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code bin/hub reresolve [--restandardize]}: re-runs resolution of all stored records with the current model and
 * thresholds, after standardizing them again when asked; {@code --dry-run [--model VERSION]} only tells what that
 * (or a run with another stored model version) would change.
 */
@Command(name = "reresolve", mixinStandardHelpOptions = true,
    description = "Re-resolve every stored record with the current model and thresholds.")
final class ReresolveCommand implements Callable<Integer> {

  @Mixin
  RemoteOptions remote;

  @Option(names = "--restandardize", description = "First standardize every stored record again from its canonical "
      + "form, as ingest does now, and rewrite its standardized values and match keys where they changed (after a "
      + "new release or a change of conf/matching.json).")
  boolean restandardize;

  @Option(names = "--dry-run", description = "Change nothing: tell how many records would move, how many profiles "
      + "would combine or split, with the first moves as examples.")
  boolean dryRun;

  @Option(names = "--model", paramLabel = "VERSION", description = "With --dry-run: score with this stored model "
      + "version instead of the one in use (0: the shipped default); see bin/hub models.")
  Long model;

  @Override
  public Integer call() throws Exception {
    if (model != null && !dryRun || dryRun && restandardize) {
      System.err.println("hub reresolve: --model goes with --dry-run, and --dry-run not with --restandardize");
      return 2;
    }
    try (RemoteHub hub = remote.connect()) {
      Supplier<String> tokens = hub.tokens("reresolve", "admin"); // a re-resolution of millions outlasts one
      String path = "/api/v1/admin/reresolve" + (restandardize ? "?restandardize=true" : "")
          + (dryRun ? "?dryRun=true" + (model != null ? "&model=" + model : "") : "");
      HttpResponse<Buffer> started = hub.client.postAbs(hub.base + path).bearerTokenAuthentication(tokens.get())
          .send().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
      if (started.statusCode() / 100 != 2) {
        return hub.refused("reresolve", started);
      }
      JsonObject job = started.bodyAsJsonObject();
      String jobUrl = hub.base + "/api/v1/admin/jobs/" + job.getString("jobId");
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("reresolve").setInitialMax(1)
          .setStyle(ProgressBarStyle.ASCII).build()) {
        while (true) {
          // a pass over millions of records outlasts a node's restart or a dropped connection: the job is asked
          // after again as imports are sent again; one that ended with its node is told "interrupted"
          HttpResponse<Buffer> polled;
          try {
            polled = PatientRequests.send(hub.base, 1, () -> hub.client.getAbs(jobUrl)
                .bearerTokenAuthentication(tokens.get()).timeout(TimeUnit.MINUTES.toMillis(1)).send());
          } catch (PatientRequests.Lost e) {
            System.err.printf("%nhub reresolve: %s; the re-resolution may go on there: GET %s tells how it ends%n",
                e.getMessage(), jobUrl);
            return 1;
          }
          if (polled.statusCode() != 200) return hub.refused("reresolve", polled);
          job = polled.bodyAsJsonObject();
          bar.setExtraMessage(job.getString("phase"));
          bar.maxHint(Math.max(1, job.getLong("total", 1L)));
          bar.stepTo(job.getLong("done", 0L));
          if (!"running".equals(job.getString("state"))) break;
          Thread.sleep(500);
        }
      }
      if (!"done".equals(job.getString("state"))) { // failed, or interrupted: its node stopped
        System.err.println("re-resolution " + job.getString("state") + ": " + job.getString("error"));
        return 1;
      }
      if (dryRun) {
        printPreview(job.getLong("modelVersion"), job.getJsonObject("preview"));
        return 0;
      }
      JsonObject restandardized = job.getJsonObject("restandardization");
      if (restandardized != null) {
        System.out.printf("re-standardization done: %d of %d records changed their standardized values or match keys"
            + "%s%n", restandardized.getLong("changed"), restandardized.getLong("records"),
            restandardized.getLong("failed") == 0 ? ""
                : "; " + restandardized.getLong("failed") + " could not be standardized and kept theirs (see the log)");
      }
      System.out.printf("re-resolution done: %d records changed profile%n", job.getLong("moved", 0L));
      return 0;
    }
  }

  private static void printPreview(long version, JsonObject p) {
    System.out.printf("dry run with model version %d, nothing changed:%n", version);
    System.out.printf("  %,d of %,d records would change profile%n", p.getLong("moving"), p.getLong("records"));
    System.out.printf("  profiles %,d now, %,d after; %,d would combine records of several of today's, %,d would "
        + "give records to several%n", p.getLong("profilesNow"), p.getLong("profilesAfter"),
        p.getLong("profilesJoined"), p.getLong("profilesSplit"));
    System.out.printf("  pairs of records: %,d would come together, %,d would part; %,d pairs left for review%n",
        p.getLong("pairsJoined"), p.getLong("pairsParted"), p.getLong("reviewPairs"));
    for (Object o : p.getJsonArray("examples")) {
      JsonObject m = (JsonObject) o;
      System.out.printf("  %s:%s  %s -> %s%s%n", m.getString("source"), m.getString("sourceId"), m.getString("from"),
          m.getString("to"), m.getBoolean("newProfile") ? " (new)" : "");
    }
  }
}
