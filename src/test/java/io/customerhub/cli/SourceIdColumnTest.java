package io.customerhub.cli;

import io.customerhub.ingest.SourceMapping;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CSV header that gives the records no sourceId is refused before anything is sent, naming why: every line would
 * otherwise come back "sourceId: is required".
 */
class SourceIdColumnTest {

  private static final Path CRM_FILE = Path.of("conf/sources/crm.json");
  private static final SourceMapping CRM = new SourceMapping("crm", null, null,
      Map.of("sourceId", List.of("contact_id"), "familyName", List.of("last_name")), false, false);

  private static String problem(List<String> header, SourceMapping mapping, boolean tabs) {
    return SourceIdColumn.headerProblem(header, "crm", mapping, CRM_FILE, tabs);
  }

  @Test
  void aHeaderWithTheMappedOrTheCanonicalColumnPasses() {
    assertNull(problem(List.of("last_name", "contact_id"), CRM, false));
    assertNull(problem(List.of("sourceId", "last_name"), CRM, false)); // a canonical field wins, as on the hub
    assertNull(problem(List.of("sourceId", "familyName"), null, false));
    assertNull(problem(List.of(), CRM, false)); // an empty file: refused as having no records
  }

  @Test
  void aMissingMappedColumnNamesTheMappingTheColumnAndTheHeader() {
    assertEquals("the header has no column contact_id, which conf/sources/crm.json maps to sourceId; its columns: "
        + "id, last_name", problem(List.of("id", "last_name"), CRM, false));
  }

  @Test
  void withoutAMappingTheCanonicalColumnIsNamed() {
    assertEquals("the header has no column sourceId, which every record needs (source 'crm' has no mapping, "
        + "conf/sources/crm.json, to name another); its columns: code, name", problem(List.of("code", "name"), null,
        false));
    SourceMapping noSourceId = new SourceMapping("crm", null, null, Map.of("familyName", List.of("last_name")),
        false, false);
    assertTrue(problem(List.of("code"), noSourceId, false).contains("conf/sources/crm.json maps no other column to it"));
  }

  @Test
  void withoutAMappingAColumnTheHubReadsAsSourceIdPasses() {
    // FEBRL's rec_id, Splink's unique_id, a plain id: the hub reads each as sourceId of a record without one
    for (String column : List.of("rec_id", "unique_id", "id", "Record ID")) {
      assertNull(problem(List.of(column, "given_name", "surname"), null, false), column);
    }
    SourceMapping noSourceId = new SourceMapping("crm", null, null, Map.of("familyName", List.of("last_name")),
        false, false);
    assertNull(problem(List.of("rec_id", "last_name"), noSourceId, false));
  }

  @Test
  void aHeaderOfOneColumnHoldingAnotherSeparatorSaysWhatTheFileLooksLike() {
    String semicolons = problem(List.of("contact_id;first_name;last_name"), CRM, false);
    assertTrue(semicolons.startsWith("the header is one column, 'contact_id;first_name;last_name': the file looks "
        + "';'-separated"), semicolons);
    assertTrue(semicolons.endsWith("save it again with ',' as separator"), semicolons);
    assertTrue(problem(List.of("contact_id\tlast_name"), CRM, false).contains("looks tab-separated, and the import "
        + "reads a .csv file separated by ',' and a .tsv file by tabs: name it .tsv"));
    assertTrue(problem(List.of("contact_id,last_name"), CRM, true).contains("looks ','-separated"));
    assertTrue(problem(List.of("contact_id;last_name"), CRM, true).contains("looks ';'-separated"));
  }

  @Test
  void aLongHeaderIsShownInPart() {
    List<String> columns = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "c" + i).toList();
    assertTrue(problem(columns, CRM, false).endsWith("c10, c11, … (30 columns)"), problem(columns, CRM, false));
  }

  /** A hub that started before the mapping was written rejects lines that carry the mapped column. */
  @Test
  void aMappingTheHubIgnoredIsToldOnlyWhenTheLineHasTheMappedColumn() {
    String required = "sourceId: is required";
    assertTrue(SourceIdColumn.ignoredBy(CRM, "{\"contact_id\":\"C-1\"}", required));
    assertTrue(SourceIdColumn.ignoredBy(CRM, "{\"contact_id\":7}", required + "; kind: is required"));
    assertFalse(SourceIdColumn.ignoredBy(CRM, "{\"contact_id\":\" \"}", required)); // blank: the line's own fault
    assertFalse(SourceIdColumn.ignoredBy(CRM, "{\"last_name\":\"Li\"}", required));
    assertFalse(SourceIdColumn.ignoredBy(CRM, "{\"contact_id\":\"C-1\"}", "emails[0]: is not an e-mail address"));
    assertFalse(SourceIdColumn.ignoredBy(null, "{\"contact_id\":\"C-1\"}", required));
    assertFalse(SourceIdColumn.ignoredBy(CRM, "[not json", required));
  }
}
