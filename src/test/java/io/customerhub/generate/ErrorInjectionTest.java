package io.customerhub.generate;

import io.customerhub.profile.ValueChecks;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Error injection is checked against the clean rendering of the very same records: the generator promises that
 * a run without errors yields exactly the clean version of every record of a run with errors (same seed). So
 * each error type, enabled alone, must change some records, and every change must be of that type's kind.
 */
class ErrorInjectionTest {

  private static final GeneratorOptions BASE = GeneratorOptions.defaults().withPersons(800).withOrgs(200).withSeed(11);
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Pattern CANONICAL_PHONE = Pattern.compile("\\+\\d{1,3}( \\d+)+");

  private static Dataset clean;
  private static Map<SourceKey, Map<String, Object>> cleanByKey;

  @BeforeAll
  static void generateCleanDataset() {
    clean = DatasetGenerator.generate(BASE.withoutErrors());
    cleanByKey = byKey(clean);
  }

  @ParameterizedTest
  @EnumSource(ErrorType.class)
  void eachErrorTypeAloneChangesRecordsOnlyInItsOwnWay(ErrorType type) {
    Dataset dirty = DatasetGenerator.generate(BASE.withoutErrors().withErrorRate(type, 0.5));
    Map<SourceKey, Map<String, Object>> dirtyByKey = byKey(dirty);
    assertEquals(cleanByKey.keySet(), dirtyByKey.keySet(), "errors never change which records exist");
    assertEquals(clean.truth(), dirty.truth());
    int changed = 0;
    for (Map.Entry<SourceKey, Map<String, Object>> e : cleanByKey.entrySet()) {
      Map<String, Object> before = e.getValue();
      Map<String, Object> after = dirtyByKey.get(e.getKey());
      if (before.equals(after)) continue;
      changed++;
      String why = explain(type, flatten(before), flatten(after));
      if (why != null) fail(type + " made a change it should not on " + e.getKey() + ": " + why + "\n  clean " + before + "\n  dirty " + after);
    }
    assertTrue(changed > 5, type + " changed only " + changed + " records");
    assertEquals(changed, dirty.errorCounts().get(type), "counted changes");
    for (ErrorType other : ErrorType.values()) {
      if (other != type) assertEquals(0, dirty.errorCounts().get(other), other + " is disabled");
    }
  }

  @Test
  void allTypesOccurWithDefaultRatesAndTheirCountsAreReported() {
    Dataset d = DatasetGenerator.generate(BASE);
    for (ErrorType t : ErrorType.values()) assertTrue(d.errorCounts().get(t) > 0, t + " never occurred");
    assertEquals(byKey(d).keySet(), cleanByKey.keySet());
  }

  @Test
  void disabledTypesNeverOccurAlongsideEnabledOnes() {
    Set<ErrorType> some = EnumSet.of(ErrorType.TYPO, ErrorType.PHONE_FORMAT, ErrorType.MISSING_FIELD);
    Dataset d = DatasetGenerator.generate(BASE.withErrors(some));
    for (ErrorType t : ErrorType.values()) {
      assertEquals(some.contains(t), d.errorCounts().get(t) > 0, t.toString());
    }
    // The same records are hit as when each type runs alone: decisions do not depend on other types.
    Dataset typoOnly = DatasetGenerator.generate(BASE.withErrors(Set.of(ErrorType.TYPO)));
    assertEquals(typoOnly.errorCounts().get(ErrorType.TYPO), d.errorCounts().get(ErrorType.TYPO));
  }

  @Test
  @SuppressWarnings("unchecked")
  void cleanDatasetIsConsistentWithItsEntities() {
    for (ErrorType t : ErrorType.values()) assertEquals(0, clean.errorCounts().get(t));
    Map<String, Set<String>> namesPerEntity = new HashMap<>();
    for (String source : Dataset.SOURCES) {
      for (Map<String, Object> r : clean.records(source)) {
        String text = r.toString();
        assertFalse(CJK.matcher(Objects.toString(r.get("givenName")) + r.get("familyName") + r.get("fullName")).find(),
            "person names are pinyin without the script error: " + text);
        for (String phone : (List<String>) r.getOrDefault("phones", List.of())) {
          assertTrue(CANONICAL_PHONE.matcher(phone).matches(), phone);
        }
        for (String email : (List<String>) r.getOrDefault("emails", List.of())) {
          assertEquals(email.strip().toLowerCase(java.util.Locale.ROOT), email);
        }
        String id = (String) r.get("nationalId");
        if (id != null && id.length() == 18) {
          assertEquals(ValueChecks.residentIdCheck(id.substring(0, 17)), id.charAt(17), id);
          if (r.get("birthDate") != null) assertEquals(((String) r.get("birthDate")).replace("-", ""), id.substring(6, 14));
        }
        String entity = clean.truth().get(new SourceKey(source, (String) r.get("sourceId")));
        if (entity != null && "person".equals(r.get("kind")) && r.get("givenName") != null) {
          namesPerEntity.computeIfAbsent(entity, k -> new LinkedHashSet<>()).add(r.get("givenName") + " " + r.get("familyName"));
        }
      }
    }
    for (Map.Entry<String, Set<String>> e : namesPerEntity.entrySet()) {
      assertEquals(1, e.getValue().size(), "one clean name per person: " + e);
    }
  }

  // ---- what each error type may do ----------------------------------------------------------------------

  /** Null when every difference between the clean and the dirty record is of the given type, else the reason. */
  private static String explain(ErrorType type, Map<String, String> c, Map<String, String> d) {
    Set<String> paths = new LinkedHashSet<>(c.keySet());
    paths.addAll(d.keySet());
    paths.removeIf(p -> Objects.equals(c.get(p), d.get(p)));
    if (paths.isEmpty()) return "records differ but no field does";
    switch (type) {
      case SCRIPT -> {
        for (String p : paths) {
          String v = d.get(p);
          boolean name = p.equals("givenName") || p.equals("familyName") || p.equals("fullName");
          boolean ok = name ? v != null && (CJK.matcher(v).find() || reordered(c, v) || v.matches("(Lu|Lv|Lü)( .*)?"))
              : p.equals("attributes.furigana") ? v != null && v.matches("[\\p{IsKatakana} ]+")
              : p.startsWith("addresses[") && (v == null || CJK.matcher(v).find() || v.equals(c.get(p)) || v.matches("[\\dA-Z]+"));
          if (!ok) return p + " → " + v;
        }
      }
      case NICKNAME -> {
        for (String p : paths) {
          if (!p.equals("givenName") && !p.equals("fullName")) return "changed " + p;
          String nick = d.get(p).split(" ")[0];
          String formal = c.get(p).split(" ")[0];
          if (!formal.equals(Lexicon.NICKNAME_TO_FORMAL.get(nick.toLowerCase(java.util.Locale.ROOT)))
              && !Lexicon.WESTERN_GIVEN.stream().anyMatch(g -> g.name().equals(formal) && g.nicknames().contains(nick))) {
            return nick + " is no nickname of " + formal;
          }
        }
      }
      case SWAPPED_NAMES -> {
        if (!paths.equals(Set.of("givenName", "familyName"))) return "changed " + paths;
        if (!d.get("givenName").equals(c.get("familyName")) || !d.get("familyName").equals(c.get("givenName"))) return "not swapped";
      }
      case MOVED_ADDRESS -> {
        for (String p : paths) if (!p.startsWith("addresses[0].")) return "changed " + p;
        if (!paths.contains("addresses[0].line1") && !paths.contains("addresses[0].city") && !paths.contains("addresses[0].postcode")) {
          return "address barely changed: " + paths;
        }
      }
      case EMAIL_VARIANT -> {
        for (String p : paths) if (!p.startsWith("emails[")) return "changed " + p;
        String before = c.get("emails[0]");
        String after = d.get("emails[0]");
        boolean cosmetic = after.strip().equalsIgnoreCase(before);
        boolean other = !c.containsValue(after) && after.equals(after.strip().toLowerCase(java.util.Locale.ROOT));
        if (!cosmetic && !other) return before + " → " + after;
      }
      case PHONE_FORMAT -> {
        for (String p : paths) {
          if (!p.startsWith("phones[")) return "changed " + p;
          String digits = d.get(p).replaceAll("\\D", "").replaceFirst("^0+", "");
          if (!c.get(p).replaceAll("\\D", "").endsWith(digits) || digits.length() < 7) return c.get(p) + " → " + d.get(p);
        }
      }
      case ORG_SUFFIX -> {
        if (!paths.equals(Set.of("orgName"))) return "changed " + paths;
      }
      case TYPO -> {
        if (paths.size() != 1) return "changed " + paths;
        String p = paths.iterator().next();
        if (!p.matches("givenName|familyName|fullName|orgName|emails\\[0]|addresses\\[0]\\.line1")) return "changed " + p;
        if (editDistance(c.get(p), d.get(p)) != 1) return c.get(p) + " → " + d.get(p);
      }
      case OCR -> {
        if (paths.size() != 1) return "changed " + paths;
        String p = paths.iterator().next();
        if (!oneOcrConfusion(c.get(p), d.get(p))) return c.get(p) + " → " + d.get(p);
      }
      case NATIONAL_ID_TYPO -> {
        if (!paths.equals(Set.of("nationalId"))) return "changed " + paths;
        String a = c.get("nationalId");
        String b = d.get("nationalId");
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
          if (a.charAt(i) != b.charAt(i)) {
            diff++;
            if (!Character.isDigit(a.charAt(i)) || !Character.isDigit(b.charAt(i))) return a + " → " + b;
          }
        }
        if (a.length() != b.length() || diff != 1) return a + " → " + b;
      }
      case BIRTHDATE_SWAP -> {
        if (!paths.equals(Set.of("birthDate"))) return "changed " + paths;
        String a = c.get("birthDate");
        if (!d.get("birthDate").equals(a.substring(0, 5) + a.substring(8, 10) + "-" + a.substring(5, 7))) return "not swapped";
      }
      case MISSING_FIELD -> {
        for (String p : paths) {
          String field = p.replaceAll("[\\[.].*", "");
          boolean emptied = d.get(p) == null || "[]".equals(d.get(field));
          if (!emptied || !field.matches("nationalId|birthDate|taxId|emails|phones|addresses")) return p + " → " + d.get(p);
        }
      }
      default -> {
        return "unknown type";
      }
    }
    return null;
  }

  private static boolean reordered(Map<String, String> clean, String value) {
    String given = clean.get("givenName");
    String family = clean.get("familyName");
    String full = clean.get("fullName");
    if (given != null && value.equals(given + " " + family)) return true;
    if (full == null) return false;
    String[] parts = full.split(" ", 2);
    return parts.length == 2 && value.equals(parts[1] + " " + parts[0]);
  }

  private static boolean oneOcrConfusion(String a, String b) {
    if (a == null || b == null) return false;
    String[][] pairs = {{"rn", "m"}, {"m", "rn"}, {"0", "O"}, {"O", "0"}, {"1", "l"}, {"l", "1"}, {"5", "S"}, {"S", "5"}};
    for (int i = 0; i < a.length(); i++) {
      for (String[] p : pairs) {
        if (a.startsWith(p[0], i) && b.equals(a.substring(0, i) + p[1] + a.substring(i + p[0].length()))) return true;
      }
    }
    return false;
  }

  /** Optimal string alignment distance: insert, delete, substitute, transpose adjacent. */
  static int editDistance(String a, String b) {
    if (a == null || b == null) return Integer.MAX_VALUE;
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  // ---- record plumbing ----------------------------------------------------------------------------------

  static Map<SourceKey, Map<String, Object>> byKey(Dataset d) {
    Map<SourceKey, Map<String, Object>> m = new LinkedHashMap<>();
    for (String s : Dataset.SOURCES) for (Map<String, Object> r : d.records(s)) m.put(new SourceKey(s, (String) r.get("sourceId")), r);
    return m;
  }

  /** Leaves by path (emails[0], addresses[0].city); an empty list is the leaf "[]". */
  static Map<String, String> flatten(Map<String, Object> record) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", record, out);
    return out;
  }

  private static void flatten(String path, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) flatten(path.isEmpty() ? e.getKey().toString() : path + "." + e.getKey(), e.getValue(), out);
    } else if (value instanceof List<?> l) {
      if (l.isEmpty()) out.put(path, "[]");
      List<Object> items = new ArrayList<>(l);
      for (int i = 0; i < items.size(); i++) flatten(path + "[" + i + "]", items.get(i), out);
    } else {
      out.put(path, value == null ? null : value.toString());
    }
  }
}
