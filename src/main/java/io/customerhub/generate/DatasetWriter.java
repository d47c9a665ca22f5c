package io.customerhub.generate;

import io.customerhub.record.SourceKey;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes a dataset into a directory:
 * <ul>
 *   <li>{@code crm.ndjson}, {@code erp.ndjson}, {@code orders.ndjson}, {@code risk.ndjson}: one canonical JSON
 *       object per line, UTF-8;</li>
 *   <li>{@code crm.csv}: the CRM records flattened (RFC 4180, header {@link #CRM_CSV_COLUMNS});</li>
 *   <li>{@code truth.csv}: {@code source,sourceId,entityId} for every identity record.</li>
 * </ul>
 * Existing files of these names are replaced. The output is byte-identical for identical options.
 */
public final class DatasetWriter {

  /** The CRM export columns; a second e-mail, phone and address line, and the company fields, come last. */
  public static final List<String> CRM_CSV_COLUMNS = List.of("contact_id", "first_name", "last_name", "full_name",
      "email", "mobile", "birth_date", "national_id", "street", "city", "province", "postcode", "country", "segment",
      "consent", "modified_at", "email2", "phone2", "street2", "kind", "company", "tax_id");
  public static final String TRUTH_FILE = "truth.csv";
  public static final String CRM_CSV_FILE = "crm.csv";

  private DatasetWriter() {
  }

  /**
   * Generates and writes in one pass without holding the records in memory. Encoding and writing run on a
   * second thread, overlapped with generation.
   */
  public static GenerationStats generate(GeneratorOptions options, Path dir) throws IOException {
    try (Output out = new Output(dir); Pipe pipe = new Pipe(out)) {
      GenerationStats stats = new DatasetGenerator(options).generate(pipe);
      pipe.finish();
      return stats;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Writes a dataset generated in memory. */
  public static void write(Dataset dataset, Path dir) throws IOException {
    try (Output out = new Output(dir)) {
      for (String source : Dataset.SOURCES) {
        for (Map<String, Object> r : dataset.records(source)) {
          out.accept(source, r, dataset.truth().get(new SourceKey(source, (String) r.get("sourceId"))));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public static Path ndjsonFile(Path dir, String source) {
    return dir.resolve(source + ".ndjson");
  }

  /** Hands records in batches to a writer thread; the first write failure surfaces in the generating thread. */
  private static final class Pipe implements RecordSink, AutoCloseable {
    private static final int BATCH = 2048;
    private static final Object[] END = new Object[0];

    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(8);
    private final Thread writer;
    private volatile Throwable failure;
    private Object[] batch = new Object[BATCH * 3];
    private int size;
    private boolean finished;

    Pipe(Output out) {
      writer = new Thread(() -> {
        try {
          for (Object[] b = queue.take(); b != END; b = queue.take()) {
            for (int i = 0; i < b.length && b[i] != null; i += 3) {
              @SuppressWarnings("unchecked")
              Map<String, Object> record = (Map<String, Object>) b[i + 1];
              out.accept((String) b[i], record, (String) b[i + 2]);
            }
          }
        } catch (Throwable t) {
          failure = t;
          queue.clear();
        }
      }, "dataset-writer");
      writer.setDaemon(true);
      writer.start();
    }

    @Override
    public void accept(String source, Map<String, Object> record, String entityId) {
      batch[size++] = source;
      batch[size++] = record;
      batch[size++] = entityId;
      if (size == batch.length) flushBatch();
    }

    private void flushBatch() {
      put(batch);
      batch = new Object[BATCH * 3];
      size = 0;
    }

    private void put(Object[] item) {
      try {
        while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          if (failure != null || !writer.isAlive()) throw new UncheckedIOException(new IOException("writing failed", failure));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing the dataset", e);
      }
    }

    /** Writes what is left and waits for the writer; rethrows its failure. */
    void finish() throws IOException {
      if (size > 0) flushBatch();
      put(END);
      finished = true;
      join();
      if (failure instanceof IOException e) throw e;
      if (failure instanceof UncheckedIOException e) throw e.getCause();
      if (failure != null) throw new IOException("writing failed", failure);
    }

    private void join() {
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      if (!finished) {
        writer.interrupt();
        join();
      }
    }
  }

  /** The open output files; a sink, so that the generator can stream into it. */
  private static final class Output implements RecordSink, AutoCloseable {
    private final Map<String, OutputStream> ndjson = new LinkedHashMap<>();
    private final OutputStream crmCsv;
    private final OutputStream truth;
    private final Json json = new Json();
    private final StringBuilder line = new StringBuilder(512);

    Output(Path dir) throws IOException {
      Files.createDirectories(dir);
      for (String s : Dataset.SOURCES) ndjson.put(s, open(ndjsonFile(dir, s)));
      crmCsv = open(dir.resolve(CRM_CSV_FILE));
      truth = open(dir.resolve(TRUTH_FILE));
      write(crmCsv, String.join(",", CRM_CSV_COLUMNS) + "\n");
      write(truth, "source,sourceId,entityId\n");
    }

    private static OutputStream open(Path file) throws IOException {
      return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    private static void write(OutputStream out, CharSequence text) throws IOException {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void accept(String source, Map<String, Object> record, String entityId) {
      try {
        json.reset().value(record).newline();
        ndjson.get(source).write(json.bytes(), 0, json.length());
        if (source.equals(Dataset.CRM)) write(crmCsv, crmRow(record));
        if (entityId != null) {
          line.setLength(0);
          csv(line, source).append(',');
          csv(line, (String) record.get("sourceId")).append(',');
          csv(line, entityId).append('\n');
          write(truth, line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    private CharSequence crmRow(Map<String, Object> r) {
      List<String> emails = (List<String>) r.get("emails");
      List<String> phones = (List<String>) r.get("phones");
      List<Map<String, Object>> addresses = (List<Map<String, Object>>) r.get("addresses");
      Map<String, Object> a = addresses.isEmpty() ? Map.of() : addresses.get(0);
      Map<String, Object> attributes = (Map<String, Object>) r.get("attributes");
      Object[] values = {r.get("sourceId"), r.get("givenName"), r.get("familyName"), r.get("fullName"),
          item(emails, 0), item(phones, 0), r.get("birthDate"), r.get("nationalId"), a.get("line1"), a.get("city"),
          a.get("region"), a.get("postcode"), a.get("country"), attributes.get("segment"), attributes.get("consent"),
          r.get("updatedAt"), item(emails, 1), item(phones, 1), a.get("line2"), r.get("kind"), r.get("orgName"),
          r.get("taxId")};
      line.setLength(0);
      for (int i = 0; i < values.length; i++) {
        if (i > 0) line.append(',');
        if (values[i] != null) csv(line, values[i].toString());
      }
      return line.append('\n');
    }

    private static String item(List<String> list, int i) {
      return list.size() > i ? list.get(i) : null;
    }

    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (OutputStream w : ndjson.values()) failure = closeQuietly(w, failure);
      failure = closeQuietly(crmCsv, failure);
      failure = closeQuietly(truth, failure);
      if (failure != null) throw failure;
    }

    private static IOException closeQuietly(OutputStream w, IOException failure) {
      try {
        w.close();
      } catch (IOException e) {
        if (failure == null) return e;
        failure.addSuppressed(e);
      }
      return failure;
    }
  }

  /** RFC 4180 field: quoted when it holds a separator, a quote, a line break or edge whitespace. */
  static StringBuilder csv(StringBuilder out, String value) {
    boolean quote = !value.isEmpty() && (Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1)));
    for (int i = 0; !quote && i < value.length(); i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) return out.append(value);
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') out.append('"');
      out.append(c);
    }
    return out.append('"');
  }
}
