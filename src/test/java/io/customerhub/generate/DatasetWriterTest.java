package io.customerhub.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerhub.ingest.RecordDecoder;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetWriterTest {

  private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withPersons(500).withOrgs(120).withSeed(3);
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Set<String> IDENTITY_FIELDS = Set.of("source", "sourceId", "kind", "updatedAt", "deleted",
      "givenName", "familyName", "fullName", "orgName", "taxId", "nationalId", "birthDate", "emails", "phones",
      "addresses", "links", "attributes");
  private static final Set<String> ADDRESS_FIELDS = Set.of("line1", "line2", "city", "region", "postcode", "country");
  private static final List<String> FILES = List.of("crm.ndjson", "erp.ndjson", "orders.ndjson", "risk.ndjson",
      "crm.csv", "truth.csv");

  @TempDir
  static Path tmp;
  static Dataset dataset;
  static Path streamed;

  @BeforeAll
  static void writeOnce() throws IOException {
    dataset = DatasetGenerator.generate(OPTIONS);
    streamed = tmp.resolve("streamed");
    DatasetWriter.generate(OPTIONS, streamed);
  }

  @Test
  void streamingAndInMemoryWritesAreByteIdenticalAndRepeatable() throws IOException {
    Path fromMemory = tmp.resolve("memory");
    Path again = tmp.resolve("again");
    DatasetWriter.write(dataset, fromMemory);
    DatasetWriter.generate(OPTIONS, again);
    for (String f : FILES) {
      byte[] expected = Files.readAllBytes(streamed.resolve(f));
      assertArrayEquals(expected, Files.readAllBytes(fromMemory.resolve(f)), f);
      assertArrayEquals(expected, Files.readAllBytes(again.resolve(f)), f);
    }
  }

  @Test
  void everyNdjsonLineIsTheCanonicalRecordOfTheInMemoryDataset() throws IOException {
    for (String source : Dataset.SOURCES) {
      List<String> lines = Files.readAllLines(DatasetWriter.ndjsonFile(streamed, source), StandardCharsets.UTF_8);
      List<Map<String, Object>> records = dataset.records(source);
      assertEquals(records.size(), lines.size(), source);
      for (int i = 0; i < lines.size(); i++) {
        Map<String, Object> parsed = JSON.readValue(lines.get(i), new TypeReference<LinkedHashMap<String, Object>>() { });
        assertEquals(normalize(records.get(i)), normalize(parsed), source + " line " + (i + 1));
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void recordsHaveTheCanonicalShape() {
    for (String source : Dataset.SOURCES) {
      for (Map<String, Object> r : dataset.records(source)) {
        assertEquals(source, r.get("source"));
        assertTrue(((String) r.get("sourceId")).matches("[CKOR]-\\d+"), r.toString());
        Instant.parse((String) r.get("updatedAt"));
        assertTrue(!Instant.parse((String) r.get("updatedAt")).isAfter(OPTIONS.asOf()));
        if (source.equals(Dataset.ORDERS)) {
          assertEquals("order", r.get("kind"));
          Instant.parse((String) r.get("orderedAt"));
          assertTrue(((BigDecimal) r.get("amount")).signum() > 0);
          assertTrue(Set.of("placed", "paid", "shipped", "delivered", "returned", "cancelled").contains(r.get("status")));
          assertTrue(Set.of("web", "app", "store", "phone").contains(r.get("channel")));
          continue;
        }
        assertEquals(IDENTITY_FIELDS, r.keySet(), r.toString());
        assertTrue(Set.of("person", "organization").contains(r.get("kind")));
        if (r.get("birthDate") != null) LocalDate.parse((String) r.get("birthDate"));
        for (Map<String, Object> a : (List<Map<String, Object>>) r.get("addresses")) assertEquals(ADDRESS_FIELDS, a.keySet());
        if ("organization".equals(r.get("kind"))) assertNotNull(r.get("orgName"));
      }
    }
  }

  @Test
  void everyLineDecodesWithTheHubsRecordDecoder() throws IOException {
    for (String source : Dataset.SOURCES) {
      for (String line : Files.readAllLines(DatasetWriter.ndjsonFile(streamed, source), StandardCharsets.UTF_8)) {
        RecordDecoder.Decoded d = RecordDecoder.decode(new JsonObject(line), source, Kind.PERSON);
        assertTrue(d.ok(), () -> d.reason() + " in " + line);
        boolean identity = !source.equals(Dataset.ORDERS) || line.contains("\"customerRef\":null");
        assertEquals(identity, d.record().isIdentity(), line);
      }
    }
  }

  @Test
  void crmCsvFlattensTheCrmRecords() throws IOException {
    List<List<String>> rows = parseCsv(Files.readString(streamed.resolve(DatasetWriter.CRM_CSV_FILE)));
    assertEquals(DatasetWriter.CRM_CSV_COLUMNS, rows.get(0));
    assertEquals(List.of("contact_id", "first_name", "last_name", "full_name", "email", "mobile", "birth_date",
        "national_id", "street", "city", "province", "postcode", "country", "segment", "consent", "modified_at"),
        rows.get(0).subList(0, 16));
    List<Map<String, Object>> crm = dataset.crm();
    assertEquals(crm.size(), rows.size() - 1);
    int withSecondEmail = 0;
    for (int i = 0; i < crm.size(); i++) {
      Map<String, Object> r = crm.get(i);
      List<String> row = rows.get(i + 1);
      assertEquals(DatasetWriter.CRM_CSV_COLUMNS.size(), row.size());
      assertEquals(r.get("sourceId"), row.get(0));
      assertEquals(text(r.get("givenName")), row.get(1));
      assertEquals(text(r.get("orgName")), row.get(20));
      assertEquals(r.get("updatedAt"), row.get(15));
      @SuppressWarnings("unchecked")
      List<String> emails = (List<String>) r.get("emails");
      assertEquals(emails.isEmpty() ? "" : emails.get(0), row.get(4), "whitespace variants survive quoting");
      if (emails.size() > 1) {
        withSecondEmail++;
        assertEquals(emails.get(1), row.get(16));
      }
    }
    assertTrue(withSecondEmail > 0);
  }

  @Test
  void truthCsvListsEveryIdentityRecord() throws IOException {
    List<List<String>> rows = parseCsv(Files.readString(streamed.resolve(DatasetWriter.TRUTH_FILE)));
    assertEquals(List.of("source", "sourceId", "entityId"), rows.get(0));
    Map<SourceKey, String> truth = new LinkedHashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) truth.put(new SourceKey(row.get(0), row.get(1)), row.get(2));
    assertEquals(dataset.truth(), truth);
  }

  @Test
  void anUnwritableDirectoryIsAnIoException() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
    assertThrows(IOException.class, () -> DatasetWriter.generate(OPTIONS.withPersons(5).withOrgs(1), file));
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  /** Numbers compared by value, whatever type JSON parsing chose. */
  private static Object normalize(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, normalize(v)));
      return out;
    }
    if (o instanceof List<?> l) return l.stream().map(DatasetWriterTest::normalize).toList();
    if (o instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros();
    return o;
  }

  /** A strict RFC 4180 reader, to check the writer's quoting independently. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
