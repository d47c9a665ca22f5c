package io.customerhub.cli;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code bin/hub export}: every active profile as NDJSON, read page after page through {@code GET /api/v1/profiles}
 * (so it reads what any reader may read, and the hub holds no transaction open for it). A file is written under a
 * temporary name and renamed once whole, so that a stopped export never looks like a finished one.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write every active profile (the golden records) as NDJSON, one profile a line.")
final class ExportCommand implements Callable<Integer> {

  private static final int PAGE = 1000;

  @Mixin
  RemoteOptions remote;

  @Option(names = "--out", description = "file to write (default: standard output)")
  Path out;

  @Option(names = "--risk", description = "only the profiles that carry this risk tag (e.g. DATA_CONFLICT)")
  String risk;

  @Override
  public Integer call() throws Exception {
    try (RemoteHub hub = remote.connect()) {
      if (out == null) {
        Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        long written = export(hub, stdout, false);
        stdout.flush();
        return written < 0 ? 1 : 0;
      }
      Path partial = out.resolveSibling(out.getFileName() + ".partial");
      long written;
      try (Writer file = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        written = export(hub, file, true);
      } catch (Exception e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      if (written < 0) {
        Files.deleteIfExists(partial);
        return 1;
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.err.printf("\rexported %,d profiles to %s%n", written, out);
      return 0;
    }
  }

  /**
   * Writes every page to {@code writer}: the profiles written, or -1 when the hub refused a page or was lost past
   * the retries (told on stderr).
   */
  private long export(RemoteHub hub, Writer writer, boolean progress) throws Exception {
    Supplier<String> tokens = hub.tokens("export", "reader");
    long written = 0;
    String after = null;
    do {
      String from = after;
      // a read: sent again while the hub is busy or out of reach, as an import's requests are
      HttpResponse<Buffer> response;
      try {
        response = PatientRequests.send(hub.base, 2, () -> {
          var request = hub.client.getAbs(hub.base + "/api/v1/profiles").addQueryParam("limit", String.valueOf(PAGE));
          if (risk != null) request.addQueryParam("risk", risk);
          if (from != null) request.addQueryParam("after", from);
          return request.bearerTokenAuthentication(tokens.get()).timeout(TimeUnit.MINUTES.toMillis(2)).send();
        });
      } catch (PatientRequests.Lost e) {
        System.err.printf("%nhub export: stopped after %,d profiles: %s%n", written, e.getMessage());
        return -1;
      }
      if (response.statusCode() != 200) {
        System.err.printf("%nhub export: stopped after %,d profiles: %s%n", written, PatientRequests.reason(response));
        return -1;
      }
      JsonObject page = response.bodyAsJsonObject();
      for (Object profile : page.getJsonArray("items")) {
        writer.write(((JsonObject) profile).encode());
        writer.write('\n');
        written++;
      }
      after = page.getString("next");
      if (progress) System.err.printf("\rexported %,d profiles", written);
    } while (after != null);
    return written;
  }
}
