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
 * {@code bin/hub export}: every active profile as NDJSON, or those written since an earlier export, read page after
 * page through {@code GET /api/v1/profiles} (so it reads what any reader may read, and the hub holds no transaction
 * open for it). A file is written under a temporary name and renamed once whole, so that a stopped export never
 * looks like a finished one; a token file is written only after that, so that a stopped export is done again
 * from the same token.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write every active profile (the golden records) as NDJSON, one profile a line; or only the "
        + "profiles written since an earlier export (--changed-since, --token-file), those merged away or deleted "
        + "as a line with their status.")
final class ExportCommand implements Callable<Integer> {

  private static final int PAGE = 1000;

  @Mixin
  RemoteOptions remote;

  @Option(names = "--out", description = "file to write (default: standard output)")
  Path out;

  @Option(names = "--risk", description = "only the profiles that carry this risk tag (e.g. DATA_CONFLICT)")
  String risk;

  @Option(names = "--changed-since", paramLabel = "TOKEN",
      description = "only the profiles written since the export that printed this delta token")
  String changedSince;

  @Option(names = "--token-file", paramLabel = "FILE", description = "read --changed-since from FILE when it "
      + "exists (a whole export when not), and write the new delta token to it once the export is whole")
  Path tokenFile;

  /** The first page's delta token: where the next export starts. */
  private String deltaToken;

  @Override
  public Integer call() throws Exception {
    if (tokenFile != null && changedSince != null) {
      System.err.println("hub export: --changed-since or --token-file, not both");
      return 2;
    }
    if (risk != null && (changedSince != null || tokenFile != null)) {
      System.err.println("hub export: --risk lists tagged customers; it has no changes since an export");
      return 2;
    }
    if (tokenFile != null && Files.exists(tokenFile)) {
      String saved;
      try {
        saved = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("--token-file " + tokenFile + ": " + HubCommand.reason(e)
            + "; it holds the delta token an export wrote (remove it to export every profile)");
      }
      changedSince = saved.isEmpty() ? null : saved;
    }
    // where the files go is checked before a page is read: a whole export written to nowhere was lost
    if (out != null) writable("--out", out);
    if (tokenFile != null) writable("--token-file", tokenFile);
    Integer exit = write();
    if (exit == 0 && deltaToken != null) {
      if (tokenFile != null) saveToken();
      System.err.printf("delta token: %s (the next export: --changed-since %s)%n", deltaToken, deltaToken);
    }
    return exit;
  }

  /** Refuses a file that cannot be written where it is named: a directory, or in a directory that is not there. */
  private static void writable(String option, Path file) {
    if (Files.isDirectory(file)) throw new IllegalArgumentException(option + " " + file + ": is a directory");
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(option + " " + file + ": no such directory " + dir);
    }
  }

  private Integer write() throws Exception {
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

  /** Replaces the token file whole, so that a stop while writing leaves the old token, never half of one. */
  private void saveToken() throws Exception {
    Path partial = tokenFile.resolveSibling(tokenFile.getFileName() + ".partial");
    Files.writeString(partial, deltaToken + "\n", StandardCharsets.UTF_8);
    Files.move(partial, tokenFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
          if (changedSince != null) request.addQueryParam("changedSince", changedSince);
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
      if (from == null) deltaToken = page.getString("deltaToken");
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
