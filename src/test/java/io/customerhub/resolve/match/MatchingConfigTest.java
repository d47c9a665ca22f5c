package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.NameGroups;
import io.customerhub.resolve.standardize.StandardizerConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingConfigTest {

  @Test
  void theShippedConfigurationLoadsWithItsNicknames() {
    MatchingConfig cfg = MatchingConfig.load(Path.of("conf/matching.json"));
    assertEquals("CN", cfg.standardizer().defaultRegion());
    assertTrue(cfg.nicknames().size() > 100);
    assertTrue(cfg.nicknames().related("bill", "william"));
    assertTrue(cfg.nicknames().related("ally", "alexandra") && cfg.nicknames().related("ally", "allison"));
    assertTrue(cfg.mergeProbability() > cfg.reviewProbability());
  }

  @Test
  void theShippedNicknamesKnowTheClerksAbbreviations() {
    NameGroups n = MatchingConfig.load(Path.of("conf/matching.json")).nicknames();
    for (String[] pair : new String[][] {{"wm", "william"}, {"geo", "george"}, {"jas", "james"}, {"thos", "thomas"},
        {"chas", "charles"}, {"jno", "john"}, {"saml", "samuel"}, {"benj", "benjamin"}, {"robt", "robert"},
        {"michl", "michael"}, {"wm", "bill"}}) {
      assertTrue(n.related(pair[0], pair[1]), pair[0] + " and " + pair[1]);
    }
    assertEquals(List.of("george"), n.formalNames("geo"));
    // one name in the spellings of several transliterations
    assertTrue(n.related("sergei", "sergey") && n.related("iurii", "yuriy") && n.related("mohammed", "muhammad")
        && n.related("hussein", "hossain") && n.related("oleksandr", "alexander"));
    assertFalse(n.related("geo", "william") || n.related("jas", "john"));
  }

  @Test
  void theShippedSurnameVariantsRelateRomanizationsOfOneName() {
    NameGroups s = MatchingConfig.load(Path.of("conf/matching.json")).surnames();
    for (String[] pair : new String[][] {{"chen", "chan"}, {"chen", "tan"}, {"huang", "wong"}, {"wang", "wong"},
        {"zhang", "cheung"}, {"lin", "lim"}, {"guo", "kwok"}, {"xu", "hsu"}, {"lee", "yi"}, {"lee", "rhee"},
        {"park", "bak"}, {"choi", "choe"}, {"jung", "jeong"}, {"kim", "gim"}, {"ouyang", "auyeung"}}) {
      assertTrue(s.related(pair[0], pair[1]), pair[0] + " and " + pair[1]);
    }
    assertFalse(s.related("chen", "wong") || s.related("smith", "schmidt") || s.related("kim", "lee"));
  }

  @Test
  void missingEntriesTakeDefaultsAndBadValuesFailAtLoad() throws Exception {
    ObjectMapper json = new ObjectMapper();
    MatchingConfig partial = MatchingConfig.fromJson(json.readTree("{\"decision\":{\"mergeProbability\":0.99}}"), NameGroups.none(), NameGroups.none());
    assertEquals(0.99, partial.mergeProbability());
    assertEquals(MatchingConfig.defaults().maxBlockSize(), partial.maxBlockSize());
    assertThrows(IllegalArgumentException.class, () ->
        MatchingConfig.fromJson(json.readTree("{\"decision\":{\"reviewProbability\":0.99,\"mergeProbability\":0.9}}"), NameGroups.none(), NameGroups.none()));
    assertThrows(IllegalArgumentException.class, () ->
        MatchingConfig.fromJson(json.readTree("{\"blocking\":{\"rules\":[\"no_such_rule\"]}}"), NameGroups.none(), NameGroups.none()));
    assertThrows(IllegalArgumentException.class, () ->
        MatchingConfig.fromJson(json.readTree("{\"blocking\":{\"batchRules\":[\"no_such_rule\"]}}"), NameGroups.none(), NameGroups.none()));
  }

  /** A misspelt entry left its setting at the default, and a text or a fraction read as the default or cut. */
  @Test
  void misspeltEntriesAndValuesOfTheWrongTypeAreRefusedNamingThem() throws Exception {
    ObjectMapper json = new ObjectMapper();
    java.util.Map<String, String> refusals = java.util.Map.of(
        "{\"decision\":{\"mergeProbabilty\":0.5}}", "decision.mergeProbabilty: no such setting",
        "{\"blockng\":{}}", "blockng: no such entry",
        "{\"decision\":{\"mergeProbability\":\"high\"}}", "decision.mergeProbability: must be a number",
        "{\"blocking\":{\"maxBlockSize\":2.5}}", "blocking.maxBlockSize: must be a whole number",
        "{\"blocking\":{\"window\":1e12}}", "blocking.window: must be a whole number",
        "{\"standardize\":{\"stripGmailDots\":\"yes\"}}", "standardize.stripGmailDots: must be true or false",
        "{\"blocking\":{\"rules\":\"strong\"}}", "blocking.rules: must be a list of names",
        "{\"guard\":7}", "guard: must be an object of settings",
        "[]", "the file: must be a JSON object");
    refusals.forEach((text, reason) -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> MatchingConfig.fromJson(json.readTree(text), NameGroups.none(), NameGroups.none()), text);
      assertTrue(e.getMessage().contains(reason), text + ": " + e.getMessage());
    });
    MatchingConfig commented = MatchingConfig.fromJson(json.readTree(
        "{\"_note\":1,\"decision\":{\"_comment\":\"x\",\"mergeProbability\":0.97,\"reviewProbability\":null}}"),
        NameGroups.none(), NameGroups.none());
    assertEquals(0.97, commented.mergeProbability(), "comments are no settings; null is the default");
    assertEquals(MatchingConfig.defaults().reviewProbability(), commented.reviewProbability());
  }

  @Test
  void batchRulesAreAddedToTheStoredRulesOnlyForPassesOverAllRecords() throws Exception {
    MatchingConfig shipped = MatchingConfig.load(Path.of("conf/matching.json"));
    assertEquals(List.of("name_sound_year", "email_local", "birthdate_name_sound", "date_part_name",
        "name_key", "name_sound", "number_postcode", "street_word", "birthdate_city", "near_postcode_initials",
        "city_name", "occupation_name", "city_occupation"),
        shipped.standardizer().batchRules());
    assertEquals(StandardizerConfig.DEFAULT_BATCH_RULES, shipped.standardizer().batchRules(), "the defaults are the shipped");
    assertTrue(!shipped.standardizer().blockingRules().contains("name_sound_year"), "not looked up online");
    assertTrue(shipped.standardizer().forBatch().blockingRules().containsAll(shipped.standardizer().blockingRules()));
    assertTrue(shipped.standardizer().forBatch().blockingRules().contains("name_sound_year"));

    MatchingConfig none = MatchingConfig.fromJson(new ObjectMapper().readTree("{\"blocking\":{\"batchRules\":[]}}"),
        NameGroups.none(), NameGroups.none());
    assertEquals(none.standardizer().blockingRules(), none.standardizer().forBatch().blockingRules());
  }

  @Test
  void nicknameFilesIgnoreCommentsAndCase() {
    NameGroups n = NameGroups.parse(List.of("# comment", "Robert: Bob, Bobby # trailing", "", "Mary Ann: Molly"));
    assertTrue(n.related("bob", "bobby"));
    assertTrue(n.related("maryann", "molly"));
    assertTrue(!n.related("bob", "molly"));
  }

  /** Names are compared as standardized given names are; a line of names without separators is refused. */
  @Test
  void nicknameFilesStandardizeTheirNamesAndRefuseALineThatIsNoGroup() throws Exception {
    assertTrue(NameGroups.parse(List.of("Zoë: Zozo")).related("zoe", "zozo"), "accents removed, as in records");
    java.nio.file.Path file = java.nio.file.Files.createTempFile("nicknames", ".txt");
    try {
      java.nio.file.Files.writeString(file, "william: bill\nrobert bob bobby\n");
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> NameGroups.load(file));
      assertEquals(file + ": line 2: 'robert bob bobby' is no group (formal: variant, variant)", e.getMessage());
      java.nio.file.Files.write(file, new byte[] {'z', 'o', (byte) 0xEB, ':', 'z', '\n'});
      assertEquals(file + ": is not UTF-8 text", org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> NameGroups.load(file)).getMessage());
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  /** ":" alone threw ArrayIndexOutOfBoundsException at start; a group without its formal name is no group. */
  @Test
  void nicknameLinesWithoutAFormalNameAreLeftOut() {
    NameGroups n = NameGroups.parse(List.of(":", ": robert, rob", "william: bill,, ,", "lonely"));
    assertTrue(n.related("william", "bill"));
    assertTrue(!n.related("robert", "rob"));
    assertEquals(3, n.size(), "william, bill and lonely");
  }
}
