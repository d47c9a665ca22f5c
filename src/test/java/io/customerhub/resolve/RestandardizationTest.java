package io.customerhub.resolve;

import io.customerhub.generate.Dataset;
import io.customerhub.generate.DatasetGenerator;
import io.customerhub.generate.GeneratorOptions;
import io.customerhub.ingest.RecordDecoder;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.Restandardization.Changed;
import io.customerhub.resolve.Restandardization.Stored;
import io.customerhub.resolve.match.MatchingConfig;
import io.customerhub.resolve.standardize.NameGroups;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.resolve.standardize.StandardizerConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestandardizationTest {

  private static final SourceKey KEY = new SourceKey("crm", "C-1001");
  private static final Instant T = Instant.parse("2026-11-01T08:00:00Z");
  /** What conf/matching.json ships: Gmail dots kept, the nine online rules, the nickname table. */
  private static final Standardizer NOW = new Standardizer(MatchingConfig.load(Path.of("conf/matching.json"))
      .standardizer());
  /** An earlier standardization: another phone region, Gmail dots dropped, fewer rules, no nicknames. */
  private static final Standardizer BEFORE = new Standardizer(new StandardizerConfig("US", true,
      List.of("strong", "name_phonetic_year", "org_name"), List.of(), NameGroups.none()));

  private static CanonicalRecord bill() {
    return new CanonicalRecord(KEY, Kind.PERSON, T, false, "Bill", "O'Brien", null, null, null, null, "1990-03-07",
        List.of("Bill.OBrien@gmail.com"), List.of("010 6512 3456"), List.of(), List.of(new SourceKey("erp", "K-77")),
        Map.of(), null);
  }

  /** The row ingest stores for {@code r} with {@code s}: canonical form, standardized values, key hashes. */
  private static Stored stored(CanonicalRecord r, Standardizer s, long version) {
    Prepared p = Prepared.of(0, new Incoming(r, "{}"), s);
    return new Stored(r.key(), version, p.canonical(), p.standardEncoded(), p.keyHashes());
  }

  @Test
  void aRecordStoredByTodaysStandardizationIsLeftAsItIs() {
    assertEquals(Optional.empty(), Restandardization.of(stored(bill(), NOW, 3), NOW));
  }

  @Test
  void aRecordStoredByAnEarlierStandardizationGetsWhatIngestStoresNow() {
    Stored old = stored(bill(), BEFORE, 3);

    Changed c = Restandardization.of(old, NOW).orElseThrow();

    Prepared today = Prepared.of(0, new Incoming(bill(), "{}"), NOW);
    assertEquals(today.standardEncoded(), c.standard());
    assertArrayEquals(today.keyHashes(), c.keyHashes());
    assertEquals(3, c.stored().version(), "written only while the row is still this version");
  }

  @Test
  void onlyTheKeysOfARecordCanChange() {
    // the same values, keys from fewer online rules: a rule added to conf/matching.json since the record was stored
    Standardizer fewerRules = new Standardizer(new StandardizerConfig(NOW.config().defaultRegion(),
        NOW.config().stripGmailDots(), List.of("strong"), List.of(), NOW.config().nicknames()));
    Stored old = stored(bill(), fewerRules, 1);
    Prepared today = Prepared.of(0, new Incoming(bill(), "{}"), NOW);

    Changed c = Restandardization.of(old, NOW).orElseThrow();

    assertArrayEquals(today.keyHashes(), c.keyHashes());
    assertTrue(c.keyHashes().length > old.keyHashes().length);
  }

  @Test
  void aStoredFormTheCodecNoLongerReadsIsReplaced() {
    Stored s = stored(bill(), NOW, 1);
    Stored ancient = new Stored(s.key(), 1, s.canonical(), "v0|crm|C-1001|bill", s.keyHashes());

    Changed c = Restandardization.of(ancient, NOW).orElseThrow();

    assertEquals(s.standard(), c.standard());
  }

  @Test
  void aRowWithoutKeyHashesGetsThem() {
    Stored s = stored(bill(), NOW, 1);
    assertNotNull(Restandardization.of(new Stored(s.key(), 1, s.canonical(), s.standard(), new long[0]), NOW)
        .orElseThrow().keyHashes());
  }

  @Test
  void aCanonicalFormThatDoesNotDecodeOrNamesAnotherRecordIsRefused() {
    Stored s = stored(bill(), NOW, 1);
    assertThrows(IllegalStateException.class, () -> Restandardization.of(
        new Stored(s.key(), 1, "{\"source\":\"crm\",\"kind\":\"person\"}", s.standard(), s.keyHashes()), NOW));
    assertThrows(IllegalStateException.class, () -> Restandardization.of(
        new Stored(new SourceKey("crm", "other"), 1, s.canonical(), s.standard(), s.keyHashes()), NOW));
  }

  /** Every identity record of a generated set, stored by the earlier standardization, comes out as ingest's now. */
  @Test
  void generatedRecordsStoredEarlierComeOutExactlyAsIngestStoresThemNow() {
    Dataset ds = DatasetGenerator.generate(GeneratorOptions.defaults().withPersons(400).withOrgs(80)
        .withDupRate(0.3).withSeed(20261206L));
    List<CanonicalRecord> records = new ArrayList<>();
    for (String source : Dataset.SOURCES) {
      for (Map<String, Object> raw : ds.records(source)) {
        RecordDecoder.Decoded d = RecordDecoder.decode(new JsonObject(raw), source, Kind.PERSON);
        if (d.ok() && !d.record().deleted() && d.record().isIdentity()) records.add(d.record());
      }
    }
    int changed = 0;
    for (CanonicalRecord r : records) {
      Prepared today = Prepared.of(0, new Incoming(r, "{}"), NOW);
      Stored old = stored(r, BEFORE, 1);
      Optional<Changed> c = Restandardization.of(old, NOW);
      String standard = c.map(Changed::standard).orElse(old.standard());
      long[] hashes = c.map(Changed::keyHashes).orElse(old.keyHashes());
      assertEquals(today.standardEncoded(), standard, r.key()::toString);
      assertArrayEquals(today.keyHashes(), hashes, r.key()::toString);
      if (c.isPresent()) changed++;
      assertEquals(Optional.empty(), Restandardization.of(stored(r, NOW, 1), NOW), r.key()::toString);
    }
    assertTrue(records.size() > 400, "records: " + records.size());
    assertTrue(changed > records.size() / 2, changed + " of " + records.size() + " changed");
  }
}
