package io.customerhub.cli;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/hub models}: the match model's versions, newest first; with {@code --restore VERSION} an earlier one
 * (0: the shipped default) is put back to use as the newest version; with {@code --agreement VERSION}, how that
 * version agrees with the review pairs stewards decided.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List the match model's versions, put an earlier one back to use (--restore), or tell how one "
        + "agrees with the stewards' decisions (--agreement).")
final class ModelsCommand implements Callable<Integer> {

  @Mixin
  RemoteOptions remote;

  @Option(names = "--restore", paramLabel = "VERSION",
      description = "put this version back to use as the newest one (0: the shipped default model)")
  Long restore;

  @Option(names = "--note", paramLabel = "TEXT", description = "why (required with --restore; kept in the audit trail)")
  String note;

  @Option(names = "--no-pin", negatable = false,
      description = "let automatic training replace the restored model when the records have doubled")
  boolean noPin;

  @Option(names = "--pin-days", paramLabel = "DAYS",
      description = "pin the restored model for this many days only (1 to 3650; default: until an administrator "
          + "trains or restores again)")
  Integer pinDays;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "how many versions to list (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--agreement", paramLabel = "VERSION",
      description = "score the newest 1,000 review pairs stewards decided with this version, and say how often it "
          + "agrees with them")
  Long agreement;

  @Override
  public Integer call() throws Exception {
    if (restore != null && (note == null || note.isBlank())) {
      System.err.println("hub models: --restore needs --note saying why, for the audit trail");
      return 2;
    }
    if (pinDays != null && (restore == null || noPin)) {
      System.err.println("hub models: --pin-days goes with --restore, without --no-pin");
      return 2;
    }
    if (restore != null && agreement != null) {
      System.err.println("hub models: --restore or --agreement, not both");
      return 2;
    }
    try (RemoteHub hub = remote.connect()) {
      String token = hub.token("models", "admin");
      if (agreement != null) return agreement(hub, token);
      return restore != null ? restore(hub, token) : list(hub, token);
    }
  }

  private int list(RemoteHub hub, String token) throws Exception {
    HttpResponse<Buffer> response = PatientRequests.send(hub.base, 2, () -> hub.client
        .getAbs(hub.base + "/api/v1/admin/models?limit=" + limit).bearerTokenAuthentication(token).send());
    if (response.statusCode() != 200) return hub.refused("models", response);
    print(response.bodyAsJsonObject());
    return 0;
  }

  private int restore(RemoteHub hub, String token) throws Exception {
    HttpResponse<Buffer> response = hub.client.postAbs(hub.base + "/api/v1/admin/models/" + restore + "/restore")
        .bearerTokenAuthentication(token).sendJsonObject(new JsonObject().put("note", note).put("pin", !noPin)
            .put("pinDays", pinDays))
        .toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    if (response.statusCode() != 201) return hub.refused("models", response);
    JsonObject r = response.bodyAsJsonObject();
    System.out.printf("match model version %d restored as version %d%s; in use now. The stored records keep "
            + "their profiles until they are re-resolved (bin/hub reresolve).%n", restore, r.getLong("version"),
        !r.getBoolean("pinned") ? "" : r.containsKey("pinnedUntil")
            ? ", pinned until " + r.getString("pinnedUntil") + " (automatic training leaves it alone until then)"
            : ", pinned (automatic training leaves it alone)");
    return 0;
  }

  private int agreement(RemoteHub hub, String token) throws Exception {
    HttpResponse<Buffer> response = PatientRequests.send(hub.base, 2, () -> hub.client
        .getAbs(hub.base + "/api/v1/admin/models/" + agreement + "/agreement").bearerTokenAuthentication(token).send());
    if (response.statusCode() != 200) return hub.refused("models", response);
    JsonObject a = response.bodyAsJsonObject();
    JsonObject merged = a.getJsonObject("merged"), apart = a.getJsonObject("keptApart");
    System.out.printf("model version %d against the %,d newest pairs stewards decided: %,d agree, %,d unsure "
            + "(REVIEW, or MERGE the cluster guard stopped: %,d), %,d disagree%n", agreement, a.getInteger("pairs"),
        a.getInteger("agreeing"), a.getInteger("unsure"), a.getInteger("guarded"), a.getInteger("disagreeing"));
    System.out.printf("  merged by stewards:      %,6d MERGE  %,6d REVIEW  %,6d APART%n", merged.getInteger("MERGE"),
        merged.getInteger("REVIEW"), merged.getInteger("APART"));
    System.out.printf("  kept apart by stewards:  %,6d MERGE  %,6d REVIEW  %,6d APART%n", apart.getInteger("MERGE"),
        apart.getInteger("REVIEW"), apart.getInteger("APART"));
    for (Object o : a.getJsonArray("disagreements")) {
      JsonObject d = (JsonObject) o;
      System.out.printf("  review pair %d: %s by a steward, %s (%.3f) by the model: %s:%s / %s:%s%n",
          d.getLong("reviewId"), d.getString("decision"), d.getString("band"), d.getDouble("probability"),
          d.getJsonObject("left").getString("source"), d.getJsonObject("left").getString("sourceId"),
          d.getJsonObject("right").getString("source"), d.getJsonObject("right").getString("sourceId"));
    }
    return 0;
  }

  private static void print(JsonObject list) {
    System.out.printf("%8s  %-20s  %-12s  %10s  %-9s  %s%n", "version", "created", "by", "trained on", "restored",
        "pinned");
    for (Object o : list.getJsonArray("versions")) {
      JsonObject v = (JsonObject) o;
      String restoredFrom = v.containsKey("restoredFrom") ? "from " + v.getLong("restoredFrom") : "";
      String created = v.getString("createdAt", "");
      System.out.printf("%8d  %-20s  %-12s  %,10d  %-9s  %s%s%n", v.getLong("version"),
          created.length() > 19 ? created.substring(0, 19) : created, v.getString("createdBy", ""),
          v.getLong("trainedOn"), restoredFrom, !v.getBoolean("pinned") ? ""
              : v.containsKey("pinnedUntil") ? "until " + v.getString("pinnedUntil").substring(0, 10) : "yes",
          v.containsKey("reason") ? "  " + v.getString("reason") : "");
    }
    if (list.getBoolean("truncated")) System.out.println("(older versions left out: --limit)");
    System.out.println("in use on the hub that answered: version " + list.getLong("inUse")
        + (list.getLong("inUse") == 0 ? " (the shipped default)" : ""));
  }
}
