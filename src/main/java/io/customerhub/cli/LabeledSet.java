package io.customerhub.cli;

import io.customerhub.generate.Dataset;
import io.customerhub.generate.DatasetWriter;
import io.customerhub.generate.TrueIdentity;
import io.customerhub.record.SourceKey;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A labeled data set on disk, for {@code bin/hub eval --from DIR}: one NDJSON file per source
 * ({@code <source>.ndjson}, the lines as the source would send them) and {@code truth.csv} with the header
 * {@code source,sourceId,entityId} naming the real-world entity of every identity record. This is the layout
 * {@code bin/hub generate} writes, and what a team converts its own labeled records to.
 *
 * @param lines  each source's lines, customers' sources first and {@code orders} last (orders name customers)
 * @param truth  every labeled record's entity
 * @param identities what is really true of each entity, where known (a generated set): golden values are then
 *                   judged too
 */
record LabeledSet(Map<String, List<String>> lines, Map<SourceKey, String> truth,
                  Map<String, TrueIdentity> identities) {

  private static final String SUFFIX = ".ndjson";

  static LabeledSet read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
    }
    Path truthFile = dir.resolve(DatasetWriter.TRUTH_FILE);
    if (!Files.isRegularFile(truthFile)) {
      throw new IllegalArgumentException(dir + " has no " + DatasetWriter.TRUTH_FILE + " (source,sourceId,entityId)");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
          .sorted(Comparator.comparing((Path p) -> source(p).equals(Dataset.ORDERS)).thenComparing(LabeledSet::source))
          .toList();
    }
    if (files.isEmpty()) throw new IllegalArgumentException(dir + " has no <source>" + SUFFIX + " file");
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (Path f : files) {
      // a source is named by its file: a name the hub refuses would fail every line of it (or the request's address)
      if (!io.customerhub.ingest.SourceMappings.isValidName(source(f))) {
        throw new IllegalArgumentException(f + ": '" + source(f) + "' is no source name (letters, digits, '_', '.' "
            + "and '-', up to 64, a letter or digit first); rename the file <source>" + SUFFIX);
      }
      if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + ": not a file");
      List<String> nonBlank = new ArrayList<>();
      for (String line : readAllLines(f)) if (!line.isBlank()) nonBlank.add(line);
      lines.put(source(f), nonBlank);
    }
    return new LabeledSet(lines, truth(truthFile), Map.of());
  }

  private static List<String> readAllLines(Path file) throws IOException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": " + HubCommand.reason(e));
    }
  }

  private static String source(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - SUFFIX.length());
  }

  private static Map<SourceKey, String> truth(Path file) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    Map<SourceKey, String> truth = new LinkedHashMap<>();
    Map<SourceKey, Long> lines = new java.util.HashMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = format.parse(reader)) {
      for (String column : List.of("source", "sourceId", "entityId")) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new IllegalArgumentException(file + ": the header has no column " + column);
        }
      }
      for (CSVRecord r : parser) {
        if (!r.isConsistent()) { // commons-csv would only say that an index is out of range, not where
          throw new IllegalArgumentException(file + ": line " + (r.getRecordNumber() + 1) + " has " + r.size()
              + " fields, the header " + parser.getHeaderMap().size());
        }
        SourceKey key = new SourceKey(r.get("source"), r.get("sourceId"));
        long line = r.getRecordNumber() + 1;
        String before = truth.put(key, r.get("entityId"));
        // the same label twice is harmless; two labels of one record would count its pairs by whichever came last
        if (before != null && !before.equals(r.get("entityId"))) {
          throw new IllegalArgumentException(file + ": line " + line + " labels " + key.source() + " " + key.sourceId()
              + " " + r.get("entityId") + ", line " + lines.get(key) + " " + before);
        }
        lines.putIfAbsent(key, line);
      }
    } catch (UncheckedIOException | CharacterCodingException e) { // a quote left open, or not text at all
      throw new IllegalArgumentException(file + ": " + HubCommand.reason(e instanceof UncheckedIOException u ? u.getCause() : e));
    }
    return truth;
  }
}
