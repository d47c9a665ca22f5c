package io.customerhub.cli;

import io.customerhub.config.ConfigLoader;
import io.customerhub.ingest.SourceMappings;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Load a CSV or NDJSON file through the hub's pipeline.")
final class ImportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

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
    // everything the hub would only reject later is checked here, before a node may be started for nothing
    if (batch < 1) throw new ParameterException(spec.commandLine(), "--batch must be at least 1, not " + batch);
    if (!SourceMappings.isValidName(source)) {
      throw new ParameterException(spec.commandLine(),
          "--source '" + source + "' is not a source name (letters, digits, '_', '.', '-'; at most 64)");
    }
    long total = countRecords();
    try (RemoteHub hub = remote.connect()) {
      return run(hub.client, hub.base, hub.token("import", "ingest"), total);
    }
  }

  /** The records in {@link #file}, read once as the import will read them, so that a bad file fails up front. */
  long countRecords() {
    if (Files.isDirectory(file)) throw new IllegalArgumentException(file + ": is a directory, not a file");
    if (!Files.exists(file)) throw new IllegalArgumentException(file + ": no such file");
    if (!Files.isReadable(file)) throw new IllegalArgumentException(file + ": permission denied");
    long total = 0;
    try (FileRecords records = new FileRecords(file)) {
      for (; records.hasNext(); records.next()) total++;
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + HubCommand.reason(e));
    } catch (UncheckedIOException e) { // not UTF-8, or a CSV quote left open
      throw new IllegalArgumentException(file + ": " + HubCommand.reason(e.getCause()));
    } catch (IllegalArgumentException e) { // a CSV header naming a column twice or not at all
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
    if (total == 0) {
      throw new IllegalArgumentException(file + ": no records" + (isCsv() ? " (a CSV's first line is its header)" : ""));
    }
    return total;
  }

  private Integer run(WebClient client, String base, String token, long total) throws Exception {
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
    if (accepted == 0) { // nothing imported is a failure, most often a source without a mapping for its columns
      boolean mapped = Files.exists(ConfigLoader.confDir().resolve("sources").resolve(source + ".json"));
      System.err.println("hub import: no line of " + file + " was accepted" + (mapped ? ""
          : "; source '" + source + "' has no mapping (conf/sources/" + source + ".json), so lines need the canonical fields"));
      return 1;
    }
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
