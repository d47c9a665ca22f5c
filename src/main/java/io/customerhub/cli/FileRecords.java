package io.customerhub.cli;

import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads an import file as a stream of NDJSON lines: NDJSON as it is; CSV (by extension {@code .csv} or
 * {@code .tsv}) row by row into JSON objects keyed by the header, which the source's mapping then turns into
 * canonical records on the hub, exactly as for any other door.
 */
final class FileRecords implements Iterator<String>, AutoCloseable {

  private final BufferedReader reader;
  private final Iterator<CSVRecord> csv;
  private final CSVParser parser;
  private String next;
  /** The file line of {@link #next}: where an NDJSON record is; where a CSV row ends (a quoted value may span lines). */
  private long nextLine;
  private long linesRead;
  private long line;

  FileRecords(Path file) throws IOException {
    reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    reader.mark(1);
    if (reader.read() != '\uFEFF') reader.reset(); // a byte-order mark is not part of the first record
    String name = file.getFileName().toString().toLowerCase();
    if (name.endsWith(".csv") || name.endsWith(".tsv")) {
      CSVFormat format = (name.endsWith(".tsv") ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
          .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).build();
      parser = format.parse(reader);
      // a column named twice would give each row only its last value (commons-csv allows that by default)
      Set<String> seen = new HashSet<>();
      for (String column : parser.getHeaderNames()) {
        if (!seen.add(column)) throw new IllegalArgumentException("the header names column '" + column + "' twice");
      }
      csv = parser.iterator();
    } else {
      parser = null;
      csv = null;
    }
    advance();
  }

  private void advance() {
    try {
      if (csv != null) {
        next = csv.hasNext() ? row(csv.next(), parser) : null;
        nextLine = parser.getCurrentLineNumber();
      } else {
        String text;
        do {
          text = reader.readLine();
          linesRead++;
        } while (text != null && text.isBlank());
        next = text;
        nextLine = linesRead;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A row as a JSON object keyed by the header. A value beyond the header's columns (an unquoted comma in a name,
   * most often) has no column to go to and would be dropped without a word: the file is refused, naming the line.
   * Empty values there (a trailing comma) are no values.
   */
  private static String row(CSVRecord record, CSVParser parser) {
    int columns = parser.getHeaderNames().size();
    for (int i = columns; i < record.size(); i++) {
      if (!record.get(i).isEmpty()) {
        throw new IllegalArgumentException("line " + parser.getCurrentLineNumber() + ": has " + record.size()
            + " values but the header names " + columns + " columns");
      }
    }
    JsonObject o = new JsonObject();
    for (Map.Entry<String, String> e : record.toMap().entrySet()) {
      if (e.getValue() != null && !e.getValue().isEmpty()) o.put(e.getKey(), e.getValue());
    }
    return o.encode();
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  /** The record {@link #next()} will return, without moving on. */
  String peek() {
    if (next == null) throw new NoSuchElementException();
    return next;
  }

  @Override
  public String next() {
    if (next == null) throw new NoSuchElementException();
    String current = next;
    line = nextLine;
    advance();
    return current;
  }

  /**
   * The file line of the record {@link #next()} returned last, as an editor counts lines (blank lines and a CSV
   * header included): where a rejected record is to be found and fixed.
   */
  long line() {
    return line;
  }

  @Override
  public void close() throws IOException {
    if (parser != null) parser.close();
    reader.close();
  }
}
