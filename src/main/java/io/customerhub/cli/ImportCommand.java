package io.customerhub.cli;

import io.customerhub.config.HubConfig;
import io.customerhub.ingest.LenientJson;
import io.customerhub.ingest.SourceMapping;
import io.customerhub.ingest.SourceMappings;
import io.customerhub.support.Utf8;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code bin/hub import --source NAME FILE}: sends a CSV, TSV, NDJSON or .json file through the HTTP door of a
 * running hub (or of a node started for the import when none answers), so files get exactly the same validation,
 * resolution and commit as every other door. Prints progress and a summary of accepted and rejected lines.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Load a CSV, TSV, NDJSON or JSON file through the hub's pipeline.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every record accepted (some may have warnings)",
        "1:no record accepted, or the import failed (the hub refused it, or none could be reached or started)",
        "2:refused before anything was sent (an option, the file, its CSV header, a --url that does not answer)",
        ImportReport.SOME_REJECTED + ":some records rejected, the others imported"})
final class ImportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  RemoteOptions remote;

  @Option(names = "--source", required = true, description = "source name, e.g. crm, erp, orders")
  String source;

  @Parameters(paramLabel = "FILE", description = "a .csv (',') or .tsv (tab) file with a header, its columns mapped "
      + "through conf/sources/NAME.json; a .json file (an array of records, or records one after another); any other "
      + "name is read as NDJSON (one record per line)")
  Path file;

  @Option(names = "--batch", defaultValue = "2000", description = "lines per request (default ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--rejects", paramLabel = "FILE", description = "write every rejected record here, in the "
      + "file's own format (to fix and import again), and each one's line and reason in FILE.reasons")
  Path rejectsFile;

  /** The body limit of the hub's configuration ({@code http.maxBodyBytes}): no request of the import is larger. */
  private long maxRequestBytes;
  /** The source's mapping in this machine's configuration; null without one, or when it could not be read. */
  private SourceMapping mapping;
  /** Where that mapping is, or would be. */
  private Path mappingFile;
  /** Whether this machine's source mappings could be read: without them the hub alone judges the records. */
  private boolean mappingsRead;

  @Override
  public Integer call() throws Exception {
    // everything the hub would only reject later is checked here, before a node may be started for nothing
    if (batch < 1) throw new ParameterException(spec.commandLine(), "--batch must be at least 1, not " + batch);
    if (!SourceMappings.isValidName(source)) {
      throw new ParameterException(spec.commandLine(),
          "--source '" + source + "' is not a source name (letters, digits, '_', '.', '-'; at most 64)");
    }
    HubConfig config = remote.config.load();
    readMapping(config);
    long total = countRecords();
    maxRequestBytes = config.http().maxBodyBytes();
    try (RemoteHub hub = RemoteHub.connect(config, remote.url)) {
      return run(hub.client, hub.base, hub.tokens("import", "ingest"), total);
    }
  }

  /**
   * The source's mapping as the local configuration has it, for what the import can tell before sending (a CSV
   * header without the sourceId column) and after (a hub that does not know the mapping). A configuration that cannot
   * be read leaves the records to the hub: the import may go to a hub with its own, well-formed configuration.
   */
  private void readMapping(HubConfig config) {
    mappingFile = config.confDir().resolve("sources").resolve(source + ".json");
    try {
      mapping = SourceMappings.load(config.confDir()).configured().stream()
          .filter(m -> m.name().equals(source)).findFirst().orElse(null);
      mappingsRead = true;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      mappingsRead = false;
    }
  }

  /** The records in {@link #file}, read once as the import will read them, so that a bad file fails up front. */
  long countRecords() {
    if (Files.isDirectory(file)) throw new IllegalArgumentException(file + ": is a directory, not a file");
    if (!Files.exists(file)) throw new IllegalArgumentException(file + ": no such file");
    if (!Files.isReadable(file)) throw new IllegalArgumentException(file + ": permission denied");
    long total = 0;
    try {
      checkHeader(); // before any row: a row of a ';'-separated file refuses it for a reason the header explains
      try (FileRecords records = new FileRecords(file, 0)) { // counting needs no line's text: none is kept
        for (; records.hasNext(); records.next()) total++;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + unreadable(file, e));
    } catch (UncheckedIOException e) { // not UTF-8, or a CSV quote left open
      throw new IllegalArgumentException(file + ": " + unreadable(file, e.getCause()));
    } catch (IllegalArgumentException e) { // a CSV header naming a column twice, or none to take the sourceId from
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
    if (total == 0) {
      throw new IllegalArgumentException(file + ": no records" + (isCsv() ? " (a CSV's first line is its header)" : ""));
    }
    return total;
  }

  /** A CSV file whose header gives its records no sourceId is refused, saying why ({@link SourceIdColumn}). */
  private void checkHeader() throws IOException {
    if (!isCsv() || !mappingsRead) return;
    String problem = SourceIdColumn.headerProblem(FileRecords.header(file), source, mapping, mappingFile,
        FileRecords.isTsv(file));
    if (problem != null) throw new IllegalArgumentException(problem);
  }

  /**
   * Why the file cannot be read. Text that is not UTF-8 refuses the whole file, not only the records after it: a file
   * in another encoding is better converted than imported in part; the line of its first such bytes is named.
   */
  private static String unreadable(Path file, Throwable e) {
    if (!(e instanceof java.nio.charset.CharacterCodingException)) return HubCommand.reason(e);
    long line;
    try {
      line = Utf8Lines.firstLineNotUtf8(file);
    } catch (IOException again) {
      return HubCommand.reason(e);
    }
    return "not UTF-8 text" + (line > 0 ? " at line " + line : "") + " (a binary file, or another encoding: convert "
        + "it first, e.g. iconv -f LATIN1 -t UTF-8)";
  }

  private Integer run(WebClient client, String base, Supplier<String> tokens, long total) throws Exception {
    ImportReport report = new ImportReport();
    boolean mappingIgnored = false;
    long started = System.nanoTime();
    // a line that would not fit in a request with its newline is read through, not kept: it is only rejected
    try (FileRecords records = new FileRecords(file, Math.max(0, maxRequestBytes - 1));
         RejectedRecords rejects = rejectsFile == null ? null : RejectedRecords.open(rejectsFile, file);
         ProgressBar bar = new ProgressBarBuilder().setTaskName("import " + source).setInitialMax(total)
             .setStyle(ProgressBarStyle.ASCII).setUnit(" rec", 1).build()) {
      while (records.hasNext()) {
        // at most --batch lines, and no more bytes than the hub takes in a request (records of 16 KiB on average
        // made 2,000 lines a body it refused with 413, which ended the import half-way)
        List<String> chunk = new ArrayList<>(batch);
        List<Long> fileLines = new ArrayList<>(batch);
        List<String> refusals = new ArrayList<>(batch);
        long bytes = 0;
        while (records.hasNext() && chunk.size() < batch) {
          String next = records.peek();
          long size = Utf8.length(next) + 1;
          if (!chunk.isEmpty() && bytes + size > maxRequestBytes) break;
          String record = records.next();
          chunk.add(record);
          fileLines.add(records.line());
          refusals.add(refusal(record, records));
          bytes += size;
        }
        List<JsonObject> answers;
        try {
          answers = answers(client, base, tokens, chunk, refusals);
        } catch (Refused e) {
          System.err.printf("%nerror: the hub answered %d: %s%n", e.status, e.body);
          return 1;
        } catch (PatientRequests.Lost e) {
          System.err.printf("%nhub import: %s after %d accepted and %d rejected records of %s; run the import again "
              + "once the hub is up (records it has stored already are stored once)%n", e.getMessage(),
              report.accepted(), report.rejected(), file);
          return 1;
        }
        for (JsonObject a : answers) {
          int at = a.getInteger("line") - 1;
          long line = fileLines.get(at);
          if ("accepted".equals(a.getString("status"))) {
            report.accepted(line, a.getJsonArray("warnings"));
          } else {
            String told = report.rejected(line, a.getString("error"));
            if (rejects != null) rejects.add(chunk.get(at), told);
            mappingIgnored |= SourceIdColumn.ignoredBy(mapping, chunk.get(at), a.getString("error"));
          }
        }
        bar.stepBy(chunk.size());
      }
    }
    report.print(System.out, file, source, (System.nanoTime() - started) / 1e9, rejectsFile);
    if (mappingIgnored) { // a mapping written while the hub ran: it reads conf/ at start only
      System.err.println("hub import: " + mappingFile + " maps sourceId from " + String.join(" or ",
          SourceIdColumn.mapped(mapping)) + ", which the rejected lines have, but the hub found no sourceId: it does "
          + "not use that mapping. A hub started before the mapping was written (or from another conf/) must be "
          + "restarted to read it");
    }
    if (report.accepted() == 0) { // nothing imported is a failure, most often a source without a mapping for its columns
      System.err.println("hub import: no line of " + file + " was accepted" + (!mappingsRead || mapping != null ? ""
          : "; source '" + source + "' has no mapping (" + mappingFile + "), so lines need the canonical fields"));
    }
    return report.exitCode();
  }

  private boolean isCsv() {
    return FileRecords.isCsv(file);
  }

  /** A request the hub refused as a whole for a reason other than what its lines hold. */
  private static final class Refused extends Exception {
    final int status;
    final String body;

    Refused(int status, String body) {
      super(status + ": " + body, null, false, false);
      this.status = status;
      this.body = body;
    }
  }

  /**
   * The answer lines for {@code chunk}, numbered within it. A line the hub would not read as one record of NDJSON is
   * answered here, with its {@link #refusal} (one per line of {@code chunk}, null for a line to send): one that is no
   * JSON object (at the start of a body, a line starting with '[' made the hub read the whole body as one JSON array:
   * a 400 that ended the import, or answers for lines that were not sent) and one larger than a request may be (a 413
   * that ended the import).
   */
  private List<JsonObject> answers(WebClient client, String base, Supplier<String> tokens, List<String> chunk,
      List<String> refusals) throws Exception {
    JsonObject[] answers = new JsonObject[chunk.size()];
    List<String> sent = new ArrayList<>(chunk.size());
    List<Integer> at = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      String refusal = refusals.get(i);
      if (refusal != null) {
        answers[i] = rejected(i + 1, refusal);
      } else {
        sent.add(chunk.get(i));
        at.add(i);
      }
    }
    if (!sent.isEmpty()) {
      for (JsonObject a : sent(client, base, tokens, sent)) {
        int i = at.get(a.getInteger("line") - 1);
        answers[i] = a.copy().put("line", i + 1);
      }
    }
    return java.util.Arrays.stream(answers).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Why the importer rejects {@code line}, the record {@code records} returned last, without sending it; null if it
   * is sent. Its size is that of the line in the file: one too long to keep came as "".
   */
  private String refusal(String line, FileRecords records) {
    long bytes = records.bytes();
    if (records.tooLong() || bytes + 1 > maxRequestBytes) {
      return "line: is " + bytes + " bytes, more than the hub takes in one request (" + maxRequestBytes + ")";
    }
    if (records.tooDeep()) return TOO_DEEP;
    if (isCsv()) return null; // every row is made a JSON object
    try {
      LenientJson.parse(line); // NaN from Python's json.dumps too: the hub reads it as missing
      return null;
    } catch (DecodeException e) {
      return e.getMessage() != null && e.getMessage().contains("nesting depth") ? TOO_DEEP : NO_OBJECT;
    } catch (ClassCastException e) {
      return NO_OBJECT;
    }
  }

  private static final String NO_OBJECT = "line: is not a JSON object (NDJSON holds one record per line)";
  private static final String TOO_DEEP = "line: nests arrays and objects more than " + FileRecords.MAX_DEPTH
      + " levels deep, more than the hub reads";

  private static JsonObject rejected(int line, String error) {
    return new JsonObject().put("line", line).put("status", "rejected").put("error", error);
  }

  /**
   * The hub's answer lines for {@code lines}, numbered within them. A request the hub refuses whole for what one of
   * its lines holds (400, or 413 when the hub takes less than this configuration says) is sent again in halves, down
   * to that one line, which is rejected alone with the hub's reason: a refused request stored nothing, so the lines
   * around it are imported, and only once.
   */
  private List<JsonObject> sent(WebClient client, String base, Supplier<String> tokens, List<String> lines)
      throws Exception {
    // a refused request stored nothing and a record sent again changes nothing: it may be sent again
    String body = String.join("\n", lines);
    // a new buffer for each attempt: one a request has written out is not to be trusted to be whole again
    HttpResponse<Buffer> response = PatientRequests.send(base, 5, () -> client
        .postAbs(base + "/api/v1/records/" + source).bearerTokenAuthentication(tokens.get())
        .putHeader("Content-Type", "application/x-ndjson").timeout(TimeUnit.MINUTES.toMillis(5))
        .sendBuffer(Buffer.buffer(body)));
    int status = response.statusCode();
    if (status == 200) {
      List<JsonObject> answers = new ArrayList<>(lines.size());
      for (String answer : response.bodyAsString().split("\n")) {
        if (!answer.isBlank()) answers.add(new JsonObject(answer));
      }
      return answers;
    }
    if (status != 400 && status != 413) throw new Refused(status, response.bodyAsString());
    if (lines.size() == 1) {
      return List.of(rejected(1, status == 413 ? "line: is " + Utf8.length(lines.get(0))
          + " bytes, more than the hub takes in one request" : PatientRequests.reason(response)));
    }
    int half = lines.size() / 2;
    List<JsonObject> answers = new ArrayList<>(sent(client, base, tokens, lines.subList(0, half)));
    for (JsonObject a : sent(client, base, tokens, lines.subList(half, lines.size()))) {
      answers.add(a.copy().put("line", a.getInteger("line") + half));
    }
    return answers;
  }
}
