package io.customerhub.cli;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code bin/hub train}: estimates the match model (EM, unsupervised) from the stored records, as a new version. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Learn a new match-model version from the stored records (EM, no labels).")
final class TrainCommand implements Callable<Integer> {

  @Mixin
  RemoteOptions remote;

  @Override
  public Integer call() throws Exception {
    try (RemoteHub hub = remote.connect()) {
      System.out.println("training on the stored records …");
      HttpResponse<Buffer> response = hub.client.postAbs(hub.base + "/api/v1/admin/train")
          .bearerTokenAuthentication(hub.token("train", "admin")).timeout(TimeUnit.MINUTES.toMillis(30)).send()
          .toCompletionStage().toCompletableFuture().get(31, TimeUnit.MINUTES);
      if (response.statusCode() != 200) {
        return hub.refused("train", response);
      }
      JsonObject r = response.bodyAsJsonObject();
      System.out.printf("match model version %d trained on %d records in %.1f s (%s); in use now.%n",
          r.getLong("version"), r.getLong("trainedOn"), r.getDouble("seconds"), r.getString("note"));
      return 0;
    }
  }
}
