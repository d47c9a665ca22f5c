package io.customerhub.cli;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/hub import --source NAME FILE}: sends a CSV or NDJSON file through the HTTP door of a running hub
 * (or of a node started for the import when none answers), so files get exactly the same validation, resolution
 * and commit as every other door. Prints progress and a summary of accepted and rejected lines.
 */
@Command(name = "import", description = "Load a CSV or NDJSON file through the hub's pipeline.")
final class ImportCommand implements Callable<Integer> {

  @Mixin
  RemoteOptions remote;

  @Option(names = "--source", required = true, description = "source name, e.g. crm, erp, orders")
  String source;

  @Parameters(paramLabel = "FILE", description = "a .csv/.tsv file (mapped through conf/sources/NAME.json) or NDJSON")
  Path file;

  @Option(names = "--batch", defaultValue = "2000", description = "lines per request (default ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--rejects", paramLabel = "FILE", description = "write every rejected line with its reason here")
  Path rejectsFile;

  @Override
  public Integer call() throws Exception {
    if (!Files.isReadable(file)) {
      System.err.println("error: cannot read " + file);
      return 2;
    }
    try (RemoteHub hub = remote.connect()) {
      return run(hub.client, hub.base, hub.token("import", "ingest"));
    }
  }

  private Integer run(WebClient client, String base, String token) throws Exception {
    long total;
    try (var lines = Files.lines(file)) {
      total = Math.max(0, lines.filter(l -> !l.isBlank()).count() - (isCsv() ? 1 : 0));
    }
    long accepted = 0, rejected = 0, lineNo = 0;
    long started = System.nanoTime();
    List<String> firstRejects = new ArrayList<>();
    try (FileRecords records = new FileRecords(file);
         PrintWriter rejects = rejectsFile == null ? null : new PrintWriter(Files.newBufferedWriter(rejectsFile));
         ProgressBar bar = new ProgressBarBuilder().setTaskName("import " + source).setInitialMax(total)
             .setStyle(ProgressBarStyle.ASCII).setUnit(" rec", 1).build()) {
      while (records.hasNext()) {
        List<String> chunk = new ArrayList<>(batch);
        while (records.hasNext() && chunk.size() < batch) chunk.add(records.next());
        HttpResponse<Buffer> response = post(client, base, token, chunk);
        if (response.statusCode() != 200) {
          System.err.printf("%nerror: the hub answered %d: %s%n", response.statusCode(), response.bodyAsString());
          return 1;
        }
        for (String answer : response.bodyAsString().split("\n")) {
          if (answer.isBlank()) continue;
          JsonObject a = new JsonObject(answer);
          long line = lineNo + a.getInteger("line") + (isCsv() ? 1 : 0);
          if ("accepted".equals(a.getString("status"))) accepted++;
          else {
            rejected++;
            String msg = "line " + line + ": " + a.getString("error");
            if (firstRejects.size() < 20) firstRejects.add(msg);
            if (rejects != null) rejects.println(msg);
          }
        }
        lineNo += chunk.size();
        bar.stepBy(chunk.size());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%nimported %s into source '%s': %d accepted, %d rejected, %.1f s (%.0f records/s)%n", file,
        source, accepted, rejected, seconds, (accepted + rejected) / Math.max(seconds, 1e-3));
    firstRejects.forEach(r -> System.out.println("  rejected " + r));
    if (rejected > firstRejects.size()) System.out.println("  … use --rejects FILE for all rejected lines");
    return 0;
  }

  private boolean isCsv() {
    String name = file.getFileName().toString().toLowerCase();
    return name.endsWith(".csv") || name.endsWith(".tsv");
  }

  private HttpResponse<Buffer> post(WebClient client, String base, String token, List<String> chunk) throws Exception {
    return client.postAbs(base + "/api/v1/records/" + source)
        .bearerTokenAuthentication(token)
        .putHeader("Content-Type", "application/x-ndjson")
        .timeout(TimeUnit.MINUTES.toMillis(5))
        .sendBuffer(Buffer.buffer(String.join("\n", chunk)))
        .toCompletionStage().toCompletableFuture().get(6, TimeUnit.MINUTES);
  }
}
