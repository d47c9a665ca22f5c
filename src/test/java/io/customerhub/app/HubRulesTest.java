package io.customerhub.app;

import io.customerhub.config.ConfigLoader;
import io.customerhub.config.HubConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node reads and checks every rule file before it starts anything. */
class HubRulesTest {

  @TempDir
  Path dir;

  @Test
  void theShippedRulesLoad() {
    HubRules rules = HubRules.load(Path.of("conf"));
    assertTrue(rules.mappings().forSource("crm").isPresent());
    assertFalse(rules.profile().risk().codes().isEmpty());
  }

  @Test
  void aBrokenRuleFileStopsTheNodeBeforePostgresStarts() throws IOException {
    Path conf = copyOfConf();
    Files.writeString(conf.resolve("routing.json"), "{\"lanes\": [");
    HubConfig config = ConfigLoader.load(conf.resolve("hub.json"), Map.of()).withDataDir(dir.resolve("data"));

    Exception e = assertThrows(Exception.class, () -> HubNode.start(config));

    assertTrue(e.getMessage().contains("routing.json"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("data")), "nothing was started, so nothing was written");
  }

  /** Each file alone was well formed: a typo of a risk code or a tier took a lane away without a word. */
  @Test
  void riskCodesAndTiersRoutingNamesAreThoseTheOtherFilesGive() throws IOException {
    Path conf = copyOfConf();
    String shipped = Files.readString(conf.resolve("routing.json"));
    Files.writeString(conf.resolve("routing.json"), shipped.replace("\"LITIGATION\"", "\"LITIGATON\"")
        .replace("\"tiers\": [\"platinum\"", "\"tiers\": [\"platnum\"").replace("\"silver\": {\"default\"",
            "\"silvr\": {\"default\""));

    Exception e = assertThrows(IllegalArgumentException.class, () -> HubRules.load(conf));

    assertTrue(e.getMessage().startsWith("routing.json: lanes[0].riskCodes: 'LITIGATON' is no risk code of risk.json"),
        e.getMessage());
    assertTrue(e.getMessage().contains("lanes[2].tiers: 'platnum' is no tier of profile.json"), e.getMessage());
    assertTrue(e.getMessage().contains("serviceLevels: 'silvr' is no tier"), e.getMessage());
  }

  @Test
  void anHttpsCertificateThatCannotBeReadStopsTheNodeBeforePostgresStarts() throws IOException {
    Path conf = copyOfConf();
    HubConfig config = ConfigLoader.load(conf.resolve("hub.json"), Map.of("HUB_HTTP_TLS_CERT_FILE",
        dir.resolve("nope.crt").toString(), "HUB_HTTP_TLS_KEY_FILE", dir.resolve("nope.key").toString()))
        .withDataDir(dir.resolve("data"));

    Exception e = assertThrows(IllegalArgumentException.class, () -> HubNode.start(config));

    assertEquals("http.tlsCertFile (HUB_HTTP_TLS_CERT_FILE): " + dir.resolve("nope.crt") + " cannot be read",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("data")), "nothing was started, so nothing was written");
  }

  @Test
  void aMatchingFileThatIsNoJsonIsToldInOneLine() throws IOException {
    Path conf = copyOfConf();
    Files.writeString(conf.resolve("matching.json"), "{\n  \"decision\": {\n");

    Exception e = assertThrows(IllegalArgumentException.class, () -> HubRules.load(conf));

    assertTrue(e.getMessage().startsWith(conf.resolve("matching.json") + ": is not JSON: "), e.getMessage());
  }

  @Test
  void aBrokenSourceMappingIsNamed() throws IOException {
    Path conf = copyOfConf();
    Files.writeString(conf.resolve("sources/crm.json"), "{\"name\": \"crm\", \"dates\": \"sideways\"}");

    Exception e = assertThrows(IllegalArgumentException.class, () -> HubRules.load(conf));

    assertTrue(e.getMessage().contains("crm.json: dates: 'sideways'"), e.getMessage());
  }

  /** Found by fuzzing the configuration: a misspelt entry of these files left its setting at the default unnoticed. */
  @Test
  void aMisspeltEntryOfTheMatchingFileOrASourceMappingIsNamed() throws IOException {
    Path conf = copyOfConf();
    Files.writeString(conf.resolve("sources/crm.json"), "{\"name\": \"crm\", \"fields\": {\"givenNme\": \"x\"}}");
    Exception target = assertThrows(IllegalArgumentException.class, () -> HubRules.load(conf));
    assertTrue(target.getMessage().contains("crm.json: fields.givenNme: is no field of the canonical record"),
        target.getMessage());

    Files.copy(Path.of("conf/sources/crm.json"), conf.resolve("sources/crm.json"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(conf.resolve("matching.json"), "{\"decision\": {\"mergeProbabilty\": 0.5}}");
    Exception matching = assertThrows(IllegalArgumentException.class, () -> HubRules.load(conf));
    assertTrue(matching.getMessage().contains("decision.mergeProbabilty: no such setting"), matching.getMessage());
  }

  /** Found by fuzzing the configuration: a stack trace naming no file, and a mapping that replaced another. */
  @Test
  void aSourceMappingThatIsNoJsonOrNamesAnotherSourceIsNamed() throws IOException {
    Path conf = copyOfConf();
    Files.writeString(conf.resolve("sources/crm.json"), "{ not json");
    Exception broken = assertThrows(IllegalArgumentException.class, () -> HubRules.load(conf));
    assertTrue(broken.getMessage().contains("crm.json: is not a JSON object"), broken.getMessage());

    Files.writeString(conf.resolve("sources/crm.json"), "{\"name\": \"erp\"}");
    Exception other = assertThrows(IllegalArgumentException.class, () -> HubRules.load(conf));
    assertTrue(other.getMessage().contains("crm.json: names source 'erp'"), other.getMessage());
  }

  private Path copyOfConf() throws IOException {
    Path conf = dir.resolve("conf");
    try (Stream<Path> files = Files.walk(Path.of("conf"))) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path to = conf.resolve(Path.of("conf").relativize(from).toString());
        if (Files.isDirectory(from)) Files.createDirectories(to);
        else Files.copy(from, to);
      }
    }
    assertEquals(Files.size(Path.of("conf/matching.json")), Files.size(conf.resolve("matching.json")));
    return conf;
  }
}
