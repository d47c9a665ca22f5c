package io.customerhub.cli;

import io.customerhub.support.Utf8;
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
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads an import file as a stream of NDJSON lines: NDJSON as it is; CSV (by extension {@code .csv} or
 * {@code .tsv}) row by row into JSON objects keyed by the header, which the source's mapping then turns into
 * canonical records on the hub, exactly as for any other door. An NDJSON line longer than the limit given is read
 * through and handed on as "", marked {@link #tooLong()}, for the import to reject alone. CSV rows and .json records
 * are held whole while they are parsed, so one that runs on past {@link #MAX_RECORD_CHARS} refuses the file.
 */
final class FileRecords implements Iterator<String>, AutoCloseable {

  /**
   * The most characters one CSV row or .json record may take in the file: far more than the hub takes in a request,
   * so no record that could be imported is refused, and bounded, so that a corrupt file cannot fill the memory.
   */
  static final long MAX_RECORD_CHARS = 64L << 20;

  private final BufferedReader reader;
  /** What CSV and .json parsers read through: one record at a time within {@link #MAX_RECORD_CHARS}. */
  private final RecordBudget budget;
  /** An NDJSON file's lines; null for CSV and .json. */
  private final BoundedLines lines;
  private final Iterator<CSVRecord> csv;
  private final CSVParser parser;
  /** A .json file's records: the elements of one top-level array, or top-level objects one after another. */
  private final JsonValues json;
  private String next;
  /** The file line of {@link #next}: where an NDJSON record is; where a CSV row ends (a quoted value may span lines). */
  private long nextLine;
  private long nextBytes;
  private boolean nextTooLong;
  private boolean nextTooDeep;
  private long linesRead;
  private long line;
  private long bytes;
  private boolean tooLong;
  private boolean tooDeep;

  /**
   * {@code maxLineBytes}: the longest NDJSON line (in UTF-8, without its terminator) that is kept; a longer one is
   * only counted. 0 keeps no line, for a pass that needs no record's text.
   */
  FileRecords(Path file, long maxLineBytes) throws IOException {
    this(file, maxLineBytes, MAX_RECORD_CHARS);
  }

  /** {@code maxRecordChars}: the budget of one CSV row or .json record ({@link #MAX_RECORD_CHARS}; less in tests). */
  FileRecords(Path file, long maxLineBytes, long maxRecordChars) throws IOException {
    reader = open(file);
    budget = new RecordBudget(reader, maxRecordChars);
    String name = file.getFileName().toString().toLowerCase();
    json = name.endsWith(".json") ? jsonValues(budget) : null;
    if (isCsv(file)) {
      parser = csvFormat(file).parse(budget);
      checkHeader(parser.getHeaderNames());
      csv = parser.iterator();
    } else {
      parser = null;
      csv = null;
    }
    lines = json == null && csv == null ? new BoundedLines(reader, maxLineBytes) : null;
    advance();
  }

  /**
   * The columns a CSV file's header names, read as the import reads them, without reading a row: a row may refuse
   * the file (more values than columns) for a reason the header explains better (a file separated by ';').
   */
  static List<String> header(Path file) throws IOException {
    try (BufferedReader reader = open(file);
         CSVParser parser = csvFormat(file).parse(new RecordBudget(reader, MAX_RECORD_CHARS))) {
      checkHeader(parser.getHeaderNames());
      return parser.getHeaderNames();
    }
  }

  /** Whether the file is read as CSV: by its extension, .csv (separated by ',') or .tsv (by tabs). */
  static boolean isCsv(Path file) {
    String name = file.getFileName().toString().toLowerCase();
    return name.endsWith(".csv") || name.endsWith(".tsv");
  }

  static boolean isTsv(Path file) {
    return file.getFileName().toString().toLowerCase().endsWith(".tsv");
  }

  private static CSVFormat csvFormat(Path file) {
    return (isTsv(file) ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
        .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).build();
  }

  private static BufferedReader open(Path file) throws IOException {
    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    reader.mark(1);
    if (reader.read() != '\uFEFF') reader.reset(); // a byte-order mark is not part of the first record
    return reader;
  }

  /** A column named twice would give each row only its last value (commons-csv allows that by default). */
  private static void checkHeader(List<String> columns) {
    Set<String> seen = new HashSet<>();
    for (String column : columns) {
      if (!seen.add(column)) throw new IllegalArgumentException("the header names column '" + column + "' twice");
    }
  }

  private void advance() {
    long after = nextLine; // the line the record before ended on
    try {
      nextTooLong = false;
      nextTooDeep = false;
      budget.nextRecord();
      if (csv != null) {
        // a row of separators alone (a spreadsheet's trailing ",,,") is a blank line, skipped as NDJSON's are
        do {
          next = csv.hasNext() ? row(csv.next(), parser) : null;
        } while ("{}".equals(next));
        nextLine = parser.getCurrentLineNumber();
        nextBytes = next == null ? 0 : Utf8.length(next);
      } else if (json != null) {
        next = json.next();
        nextLine = json.line();
        nextTooDeep = json.tooDeep();
        nextBytes = next == null ? 0 : Utf8.length(next);
      } else {
        String text;
        do {
          text = lines.next();
          linesRead++;
        } while (text != null && lines.blank()); // a line too long to keep may be blank too, and is skipped
        next = text;
        nextLine = linesRead;
        nextBytes = lines.bytes();
        nextTooLong = lines.tooLong();
      }
    } catch (RecordBudget.TooLong e) {
      throw refusal(after, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) { // commons-csv's iterator wraps what the reader throws
      if (e.getCause() instanceof RecordBudget.TooLong t) throw refusal(after, t);
      throw e;
    }
  }

  /** The file refused for a record that ran on past the budget, named by the line the record before ended on. */
  private static IllegalArgumentException refusal(long after, RecordBudget.TooLong e) {
    return new IllegalArgumentException("after line " + after + ": " + e.getMessage());
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
    bytes = nextBytes;
    tooLong = nextTooLong;
    tooDeep = nextTooDeep;
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

  /**
   * The bytes in UTF-8 of the record {@link #next()} returned last: of its line in the file for NDJSON, counted as it
   * was read even when it was too long to keep.
   */
  long bytes() {
    return bytes;
  }

  /**
   * Whether the record {@link #next()} returned last is an NDJSON line longer than the limit, read through and not
   * kept: {@link #next()} returned "" for it.
   */
  boolean tooLong() {
    return tooLong;
  }

  /**
   * Whether the record {@link #next()} returned last is a .json record nested deeper than the hub reads
   * ({@link #MAX_DEPTH}): read through and handed on as "", for the import to reject alone.
   */
  boolean tooDeep() {
    return tooDeep;
  }

  @Override
  public void close() throws IOException {
    if (parser != null) parser.close();
    if (json != null) json.parser.close();
    reader.close();
  }

  private static JsonValues jsonValues(java.io.Reader reader) throws IOException {
    com.fasterxml.jackson.core.JsonParser p = DEEP_READER.createParser(reader);
    com.fasterxml.jackson.core.JsonToken first = p.nextToken();
    return new JsonValues(p, first == com.fasterxml.jackson.core.JsonToken.START_ARRAY);
  }

  /** Numbers kept as written (an amount of 0.1 or 12345678901234567.89 must not pass through a double). */
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
          // a NaN read from the file goes on as NaN (not the text "NaN"), for the hub to read as missing with a warning
          .disable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS).build())
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  /** How deep a record may nest: as deep as the hub reads a request's JSON (Jackson's default). */
  static final int MAX_DEPTH = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH;
  /**
   * Reads records nested far deeper than {@link #MAX_DEPTH}, so that such a record is rejected alone and the records
   * after it are imported; bounded, as a corrupt file of brackets would otherwise fill the memory with nesting.
   */
  private static final com.fasterxml.jackson.core.JsonFactory DEEP_READER = com.fasterxml.jackson.core.JsonFactory
      .builder().streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxNestingDepth(100 * MAX_DEPTH).build())
      // NaN and Infinity, as pandas writes a missing value: read as in an NDJSON file (missing, with a warning)
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /**
   * The records of a .json file, streamed: an export is often one array of objects, pretty-printed, and may not fit
   * in memory as a whole. Each record is handed on as one line of JSON, named by the line it starts on; a value that
   * is no object is handed on as it is, for the import to reject alone. A syntax error, or anything but whitespace
   * after a top-level array, stops the file, naming where.
   */
  private static final class JsonValues {
    private final com.fasterxml.jackson.core.JsonParser parser;
    private final boolean inArray;
    private boolean started;
    private long line;
    private boolean tooDeep;

    JsonValues(com.fasterxml.jackson.core.JsonParser parser, boolean inArray) {
      this.parser = parser;
      this.inArray = inArray;
    }

    String next() throws IOException {
      try {
        // the first value's token was read to see whether the file is an array
        com.fasterxml.jackson.core.JsonToken token = !started && !inArray ? parser.currentToken() : parser.nextToken();
        started = true;
        if (token == null) return null;
        if (inArray && token == com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
          nothingAfterTheArray();
          return null;
        }
        line = parser.currentTokenLocation().getLineNr();
        com.fasterxml.jackson.databind.JsonNode record = MAPPER.readTree(parser);
        tooDeep = depth(record) > MAX_DEPTH;
        return tooDeep ? "" : MAPPER.writeValueAsString(record);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        String why = e.getOriginalMessage();
        int source = why.indexOf(" at [Source:");
        if (source < 0) source = why.indexOf("[Source:");
        if (source >= 0) why = why.substring(0, source).strip(); // where the parser was, in its own words
        throw new IllegalArgumentException("line " + lineOf(e) + ": is not valid JSON (" + why + ")");
      }
    }

    /** Where an error is: Jackson's limits (a string of over 20 million characters) are thrown without a place. */
    private long lineOf(com.fasterxml.jackson.core.JsonProcessingException e) {
      return e.getLocation() != null ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
    }

    /**
     * Jackson reads top-level values one after another, so whatever follows the array would never be asked for: two
     * exports pasted together, or a record written after the closing bracket, would be lost without a word.
     */
    private void nothingAfterTheArray() throws IOException {
      long at;
      try {
        if (parser.nextToken() == null) return;
        at = parser.currentTokenLocation().getLineNr();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) { // e.g. a word that is no JSON
        at = lineOf(e);
      }
      throw new IllegalArgumentException("line " + at + ": is not valid JSON (content after the end of the top-level"
          + " array)");
    }

    long line() {
      return line;
    }

    boolean tooDeep() {
      return tooDeep;
    }

    /** How many arrays and objects a value nests, counted without recursion (a deep one would overflow the stack). */
    private static int depth(com.fasterxml.jackson.databind.JsonNode root) {
      java.util.ArrayDeque<com.fasterxml.jackson.databind.JsonNode> level = new java.util.ArrayDeque<>();
      int depth = 0;
      if (root.isContainerNode()) level.add(root);
      while (!level.isEmpty()) {
        depth++;
        java.util.ArrayDeque<com.fasterxml.jackson.databind.JsonNode> next = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.databind.JsonNode node : level) {
          for (com.fasterxml.jackson.databind.JsonNode child : node) if (child.isContainerNode()) next.add(child);
        }
        level = next;
      }
      return depth;
    }
  }
}
