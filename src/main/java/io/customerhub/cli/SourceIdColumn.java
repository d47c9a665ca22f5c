package io.customerhub.cli;

import io.customerhub.ingest.FieldAliases;
import io.customerhub.ingest.SourceMapping;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.List;

/**
 * Where an import file's records take their {@code sourceId} from, as this machine's source mapping says. Without
 * one the hub rejects every line with "sourceId: is required", which names neither the cause (a file separated by
 * ';', a column named otherwise than the mapping says, a hub that does not know the mapping) nor the remedy.
 */
final class SourceIdColumn {

  /** The hub's words for a record without a sourceId. */
  static final String REQUIRED = "sourceId: is required";
  /** How many of the header's columns a refusal lists: enough to see what the file has, not a screen of them. */
  private static final int COLUMNS_SHOWN = 12;

  private SourceIdColumn() {
  }

  /** The columns the mapping takes a record's sourceId from, besides the canonical one; none without a mapping. */
  static List<String> mapped(SourceMapping mapping) {
    if (mapping == null) return List.of();
    return mapping.fields().getOrDefault("sourceId", List.of()).stream().filter(c -> !c.equals("sourceId")).toList();
  }

  /**
   * Why a CSV file with this header cannot give its records a sourceId, in one line; null when it can.
   *
   * @param mapping     the source's mapping, null for a source without one
   * @param mappingFile where that mapping is, or would be
   * @param tabs        whether the file is read as tab-separated (.tsv), else comma-separated
   */
  static String headerProblem(List<String> header, String source, SourceMapping mapping, Path mappingFile,
      boolean tabs) {
    if (header.isEmpty()) return null; // an empty file, which the import refuses as having no records
    List<String> mapped = mapped(mapping);
    // a canonical sourceId column wins over the mapped ones, as on the hub
    if (header.contains("sourceId") || header.stream().anyMatch(mapped::contains)) return null;
    // where no mapping names the column, one the hub reads as sourceId of itself gives it (id, rec_id, unique_id:
    // the names of other tools' files, FEBRL's and Splink's); where one does, its column missing is the mistake
    if (mapped.isEmpty() && header.stream().anyMatch(c -> "sourceId".equals(FieldAliases.aliasOf(c)))) return null;
    if (header.size() == 1) {
      String only = header.get(0);
      String separator = only.contains(";") ? "';'" : !tabs && only.contains("\t") ? "tab"
          : tabs && only.contains(",") ? "','" : null;
      if (separator != null) {
        return "the header is one column, '" + shortened(only) + "': the file looks " + separator + "-separated, and "
            + "the import reads a .csv file separated by ',' and a .tsv file by tabs" + (separator.equals("tab")
            ? ": name it .tsv" : separator.equals("','") ? ": name it .csv" : ": save it again with ',' as separator");
      }
    }
    String shown = String.join(", ", header.subList(0, Math.min(header.size(), COLUMNS_SHOWN)))
        + (header.size() > COLUMNS_SHOWN ? ", … (" + header.size() + " columns)" : "");
    if (mapping == null) {
      return "the header has no column sourceId, which every record needs (source '" + source + "' has no mapping, "
          + mappingFile + ", to name another); its columns: " + shown;
    }
    if (mapped.isEmpty()) {
      return "the header has no column sourceId, which every record needs (" + mappingFile + " maps no other column"
          + " to it); its columns: " + shown;
    }
    return "the header has no column " + String.join(" or ", mapped) + ", which "
        + mappingFile + " maps to sourceId; its columns: " + shown;
  }

  /**
   * Whether the hub rejected {@code sent} for want of a sourceId although the record gives one in a column the local
   * mapping names: the hub does not use that mapping (it started before the mapping was written, or from another
   * configuration).
   */
  static boolean ignoredBy(SourceMapping mapping, String sent, String error) {
    if (mapping == null || error == null || !error.contains(REQUIRED)) return false;
    JsonObject record;
    try {
      record = new JsonObject(sent);
    } catch (RuntimeException notAnObject) {
      return false;
    }
    return mapped(mapping).stream().map(record::getValue).anyMatch(v -> v != null && !v.toString().isBlank());
  }

  private static String shortened(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "…";
  }
}
