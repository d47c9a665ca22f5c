package io.customerhub.generate;

import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetGeneratorTest {

  private static final GeneratorOptions SMALL = GeneratorOptions.defaults().withPersons(600).withOrgs(150);

  @Test
  void sameSeedGivesIdenticalDatasetAndOtherSeedDoesNot() {
    Dataset a = DatasetGenerator.generate(SMALL);
    Dataset b = DatasetGenerator.generate(SMALL);
    assertEquals(a.records(), b.records());
    assertEquals(a.truth(), b.truth());
    assertEquals(a.stats(), b.stats());
    assertNotEquals(a.records(), DatasetGenerator.generate(SMALL.withSeed(7)).records());
  }

  @Test
  void duplicateRateIsHonoured() {
    for (double rate : new double[] {0.0, 0.1, 0.3, 0.75}) {
      Dataset d = DatasetGenerator.generate(SMALL.withDupRate(rate));
      Map<String, Integer> perEntity = new HashMap<>();
      d.truth().forEach((key, entity) -> {
        if (key.source().equals(Dataset.CRM) || key.source().equals(Dataset.ERP)) perEntity.merge(entity, 1, Integer::sum);
      });
      assertEquals(750, perEntity.size(), "every customer has a CRM or ERP record");
      long duplicated = perEntity.values().stream().filter(n -> n > 1).count();
      assertEquals(rate, duplicated / 750.0, 0.01, "rate " + rate);
      assertEquals(duplicated, d.stats().duplicatedEntities());
    }
  }

  @Test
  void duplicatesSpreadAcrossAndWithinSources() {
    Dataset d = DatasetGenerator.generate(SMALL);
    Map<String, Set<String>> sourcesOf = new HashMap<>();
    Map<String, Integer> crmCount = new HashMap<>();
    d.truth().forEach((key, entity) -> {
      if (key.source().equals(Dataset.CRM) || key.source().equals(Dataset.ERP)) {
        sourcesOf.computeIfAbsent(entity, e -> new HashSet<>()).add(key.source());
      }
      if (key.source().equals(Dataset.CRM)) crmCount.merge(entity, 1, Integer::sum);
    });
    assertTrue(sourcesOf.values().stream().filter(s -> s.size() == 2).count() > 50, "across CRM and ERP");
    assertTrue(crmCount.values().stream().filter(n -> n > 1).count() > 20, "within CRM");
  }

  @Test
  void truthCoversEveryIdentityRecordAndNoOrderWithCustomerRef() {
    Dataset d = DatasetGenerator.generate(SMALL);
    Set<SourceKey> identities = new HashSet<>();
    for (String source : Dataset.SOURCES) {
      for (Map<String, Object> r : d.records(source)) {
        SourceKey key = new SourceKey(source, (String) r.get("sourceId"));
        boolean identity = !source.equals(Dataset.ORDERS) || r.get("customerRef") == null;
        assertEquals(identity, d.truth().containsKey(key), key.toString());
        if (identity) identities.add(key);
      }
    }
    assertEquals(identities, d.truth().keySet());
    assertTrue(d.stats().guestOrders() > 0);
    assertEquals(d.stats().identityRecords(), d.truth().size());
  }

  @Test
  void ordersReferenceExistingCustomerRecords() {
    Dataset d = DatasetGenerator.generate(SMALL);
    Set<SourceKey> customers = new HashSet<>();
    for (String s : List.of(Dataset.CRM, Dataset.ERP)) {
      for (Map<String, Object> r : d.records(s)) customers.add(new SourceKey(s, (String) r.get("sourceId")));
    }
    for (Map<String, Object> o : d.orders()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> ref = (Map<String, Object>) o.get("customerRef");
      if (ref == null) {
        assertNotNull(d.truth().get(new SourceKey(Dataset.ORDERS, (String) o.get("sourceId"))));
      } else {
        assertTrue(customers.contains(new SourceKey((String) ref.get("source"), (String) ref.get("sourceId"))));
      }
      assertEquals("CNY", o.get("currency"));
      assertNull(o.get("orgName"));
    }
  }

  /**
   * People of Hong Kong, Taiwan and Japan have their names in Chinese characters in some records and spelled their
   * own way in others (Chan Tai Man, Chang Chih-ming, Sato Yuki with its furigana); Vietnamese keep their letters.
   */
  @Test
  void namesOfEastAsiaComeInTheirScriptsAndTheirBearersSpellings() {
    Dataset d = DatasetGenerator.generate(GeneratorOptions.defaults().withPersons(6000).withOrgs(0));
    List<Map<String, Object>> identities = new java.util.ArrayList<>(d.crm());
    identities.addAll(d.erp());
    Set<String> given = new HashSet<>();
    Set<String> family = new HashSet<>();
    int furigana = 0;
    for (Map<String, Object> r : identities) {
      if (r.get("givenName") instanceof String g) given.add(g);
      if (r.get("familyName") instanceof String f) family.add(f);
      if (r.get("attributes") instanceof Map<?, ?> a && a.get("furigana") instanceof String kana) {
        assertTrue(kana.matches("[\\p{IsKatakana}]+ [\\p{IsKatakana}]+"), kana);
        furigana++;
      }
    }
    assertTrue(given.containsAll(List.of("Tai Man", "大文")) || given.containsAll(List.of("Chi Ming", "志明")), "Hong Kong");
    assertTrue(family.containsAll(List.of("Cheung", "張")) && family.contains("Hsieh"), "Hong Kong and Taiwan spellings");
    assertTrue(family.containsAll(List.of("Sato", "佐藤")), "Japanese in kanji and in Latin letters");
    assertTrue(family.contains("Nguyễn"), "Vietnamese with its letters");
    assertTrue(furigana > 10, "furigana beside some Japanese names in kanji: " + furigana);
  }
}
