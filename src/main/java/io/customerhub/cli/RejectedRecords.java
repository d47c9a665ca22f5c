package io.customerhub.cli;

import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --rejects FILE} writes: the rejected records themselves, in the input's own format, so that they can be
 * fixed and imported again with the same command (a CSV's or TSV's rejected rows under its header; an NDJSON or .json
 * file's records one per line), and beside it {@code FILE.reasons}, each one's line in the original file and why it
 * was rejected. A reasons list alone made the user look every line up in the original and cut it out by hand. A
 * record too long to keep (read through, not held) has its reason only.
 */
final class RejectedRecords implements AutoCloseable {

  private final BufferedWriter out;
  /** For CSV and TSV input: prints rows in the input's format; null for NDJSON and .json input. */
  private final CSVPrinter csv;
  private final List<String> header;
  private final PrintWriter reasons;

  private RejectedRecords(BufferedWriter out, CSVPrinter csv, List<String> header, PrintWriter reasons) {
    this.out = out;
    this.csv = csv;
    this.header = header;
    this.reasons = reasons;
  }

  /** The rejects of {@code input} into {@code file} and {@code file}.reasons. */
  static RejectedRecords open(Path file, Path input) throws IOException {
    BufferedWriter out = Files.newBufferedWriter(file);
    PrintWriter reasons = new PrintWriter(Files.newBufferedWriter(reasonsOf(file)));
    if (!FileRecords.isCsv(input)) return new RejectedRecords(out, null, List.of(), reasons);
    List<String> header = FileRecords.header(input);
    CSVFormat format = (FileRecords.isTsv(input) ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
        .setRecordSeparator('\n').build();
    CSVPrinter csv = new CSVPrinter(out, format);
    csv.printRecord(header);
    return new RejectedRecords(out, csv, header, reasons);
  }

  /** Where the reasons of the rejects in {@code file} go. */
  static Path reasonsOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".reasons");
  }

  /**
   * One rejected record: {@code record} as the import read it (a CSV row as a JSON object keyed by its header; ""
   * when it was too long to keep), {@code told} its line and reason as the summary says them.
   */
  void add(String record, String told) throws IOException {
    reasons.println(told);
    if (record.isEmpty()) return;
    if (csv == null) {
      out.write(record);
      out.write('\n');
      return;
    }
    JsonObject row = new JsonObject(record);
    List<String> values = new ArrayList<>(header.size());
    for (String column : header) values.add(row.getString(column, ""));
    csv.printRecord(values);
  }

  @Override
  public void close() throws IOException {
    try (out; reasons) {
      if (csv != null) csv.flush();
    }
  }
}
