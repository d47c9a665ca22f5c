package io.customerhub.resolve.match;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.BlockingKeys;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.NameGroups;
import io.customerhub.resolve.standardize.Phonetic;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.resolve.standardize.StandardizerConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.customerhub.resolve.match.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockerTest {

  private static MatchingConfig cfg(int maxBlock, int window) {
    MatchingConfig d = MatchingConfig.defaults();
    return new MatchingConfig(StandardizerConfig.defaults(), maxBlock, window, d.mergeProbability(),
        d.reviewProbability(), d.nameNear(), d.nameSimilar(), d.tfMinimum(), d.maxClusterSize(), d.maxIterations(),
        d.randomPairs(), d.maxTrainingPairs(), d.maxTrainingRecords(), d.nicknames(), d.surnames());
  }

  /** The keys two records share: which blocking rules bring a pair together. */
  private static List<String> sharedKeys(StandardRecord a, StandardRecord b) {
    return sharedKeys(a.blockingKeys(), b.blockingKeys());
  }

  private static List<String> sharedKeys(List<String> a, List<String> b) {
    return a.stream().filter(b::contains).toList();
  }

  @Test
  void recordsSharingAKeyArePairedOnce() {
    List<StandardRecord> rs = List.of(Fixtures.weiZhang("a"), Fixtures.weiZhang("b"),
        person("c", "Mary", "Smith", "1970-01-01", null, null, null, null, null));
    Blocker.Candidates c = new Blocker(MatchingConfig.defaults()).candidates(rs);
    assertEquals(1, c.size(), "a and b share many keys but make one pair");
    assertEquals(0, Blocker.Candidates.left(c.pairs()[0]));
    assertEquals(1, Blocker.Candidates.right(c.pairs()[0]));
    assertTrue(c.oversizedBlocks().isEmpty());
  }

  @Test
  void typoedDuplicatesStillShareAKey() {
    StandardRecord a = person("a", "Catherine", "Johnson", "1980-05-17", null, null, null, "3 Oak St", "2000");
    StandardRecord surnameTypo = person("b", "Catherine", "Jonhson", "1980-05-17", null, null, null, null, null);
    StandardRecord swapped = person("c", "Johnson", "Catherine", "1980-05-17", null, null, null, null, null);
    StandardRecord dateTypo = person("d", "Catherine", "Johnson", "1980-05-18", null, null, null, "3 Oak St", "2000");
    for (StandardRecord other : List.of(surnameTypo, swapped, dateTypo)) {
      assertTrue(!sharedKeys(a, other).isEmpty(), other.encode());
    }
  }

  /**
   * The whole name in one field, the other empty ("gates michael" as given name, "van wyk chloe" as family name),
   * and no other key in common (a moved address, a year-only date): the name keys of the split meet the record's.
   */
  @Test
  void aWholeNameInOneFieldSharesTheNameKeysOfItsSplit() {
    StandardRecord full = person("a", "Michael", "Gates", "1971-05-02", null, null, null, "12 Bimberi Cres", "6027");
    StandardRecord inGiven = person("b", "Gates Michael", null, "1971-05-02", null, null, null, "4 Oak St", "6030");
    StandardRecord inFamily = person("c", null, "Michael Gates", "1971-05-02", null, null, null, "4 Oak St", "6030");
    StandardRecord hyphenated = person("d", "Peters-Schkirra", null, null, null, null, null, "19 Wardill Cl", "2747");
    StandardRecord itsFull = person("e", "Schkirra", "Peters", null, null, null, null, "7 Other Rd", "2747");

    assertTrue(!sharedKeys(full, inGiven).isEmpty(), inGiven.encode());
    assertTrue(!sharedKeys(full, inFamily).isEmpty(), inFamily.encode());
    assertTrue(!sharedKeys(hyphenated, itsFull).isEmpty(), hyphenated.encode());
  }

  /**
   * Same name, same year, the day and the month both wrong: no key stored for online linking brings them together
   * (each holds a whole date, or the year with the day or the month), the batch rule of both names' sound and the
   * year does, in a pass over all records.
   */
  @Test
  void aPassOverAllRecordsAlsoPairsByTheBatchRules() {
    StandardRecord a = person("a", "Catherine", "Johnson", "1980-05-17", null, null, null, null, null);
    StandardRecord datesWrong = person("b", "Katherine", "Johnson", "1980-11-03", null, null, null, null, null);
    StandardRecord otherYear = person("c", "Carl", "Johnson", "1981-11-03", null, null, null, null, null);
    Blocker blocker = new Blocker(MatchingConfig.defaults());
    List<StandardRecord> records = List.of(a, datesWrong, otherYear);

    assertTrue(sharedKeys(a, datesWrong).isEmpty(), "no stored key shared");
    assertEquals(0, blocker.candidates(List.of(a, datesWrong)).size());
    Blocker.Candidates batch = BatchPass.of(records, MatchingConfig.defaults()).candidates();
    assertTrue(java.util.Arrays.stream(batch.pairs()).anyMatch(p -> p == Blocker.pair(0, 1)), "paired in a batch");
    assertTrue(java.util.Arrays.stream(batch.pairs()).noneMatch(p -> p == Blocker.pair(0, 2)),
        "another name of another year is not");
    List<List<String>> keys = blocker.batchKeys(records);
    assertTrue(keys.get(0).containsAll(a.blockingKeys()), "the stored keys are among them");
    assertTrue(sharedKeys(keys.get(0), keys.get(1)).stream().anyMatch(k -> k.startsWith("ns:")));
    assertTrue(sharedKeys(keys.get(0), keys.get(1)).stream().allMatch(k -> k.startsWith("ns:")
        || k.startsWith("nn:")), "the names' sound, with the year and without");
  }

  @Test
  void thePhoneticNameKeyHoldsOneNameOfOneYear() {
    StandardRecord a = person("a", "Catherine", "Johnson", "1980-05-17", null, null, null, null, null);
    StandardRecord sameNameOtherYear = person("b", "Catherine", "Johnson", "1981-05-17", null, null, null, null, null);
    StandardRecord sameSurnameSameYear = person("c", "Mary", "Johnson", "1980-02-02", null, null, null, null, null);
    StandardRecord spelledAndSwapped = person("d", "Jonson", "Katherine", "1980-17-05", null, null, null, null, null);
    assertTrue(sharedKeys(a, sameNameOtherYear).stream().noneMatch(k -> k.startsWith("ny:")),
        "a year apart: not in one phonetic block");
    assertTrue(sharedKeys(a, sameSurnameSameYear).stream().noneMatch(k -> k.startsWith("ny:")),
        "a shared surname and year is no block");
    assertTrue(sharedKeys(a, spelledAndSwapped).stream().anyMatch(k -> k.startsWith("ny:")),
        "spelling variants, swapped parts and a swapped day/month still meet");
  }

  @Test
  void theStreetKeyHoldsOneAddressOfOneCity() {
    StandardRecord guangzhou = livingAt("a", "Li", "Na", "414 Shennan Ave", "Guangzhou");
    StandardRecord neighbour = livingAt("b", "Wang", "Fang", "414 Shennan Avenue", "Guangzhou");
    StandardRecord shenzhen = livingAt("c", "Zhao", "Lei", "414 Shennan Ave", "Shenzhen");
    assertTrue(sharedKeys(guangzhou, neighbour).stream().anyMatch(k -> k.startsWith("sn:")),
        "one address, one city: one block whoever lives there");
    assertTrue(sharedKeys(guangzhou, shenzhen).stream().noneMatch(k -> k.startsWith("sn:")),
        "the same street name and number in another city is another block");
  }

  @Test
  void theStreetKeyHoldsOneDwellingOfABuilding() {
    StandardRecord flat = livingAt("a", "Li", "Na", "1 Renmin Rd", "Bldg 3, Rm 402", "Shenzhen");
    StandardRecord sameFlatInHanzi = livingAt("b", "李", "娜", "人民路1号", "3号楼402室", "深圳市");
    StandardRecord neighbour = livingAt("c", "Wang", "Fang", "1 Renmin Rd", "Bldg 3, Rm 405", "Shenzhen");
    StandardRecord otherBuilding = livingAt("d", "Zhao", "Lei", "1 Renmin Rd", "Bldg 7, Rm 402", "Shenzhen");
    assertTrue(sharedKeys(flat, sameFlatInHanzi).stream().anyMatch(k -> k.startsWith("sn:")),
        "the same flat in pinyin and in hanzi (号楼 is a building) meets");
    assertTrue(sharedKeys(flat, neighbour).stream().noneMatch(k -> k.startsWith("sn:")),
        "a compound of many buildings is no block: its numbers after the house number are part of the dwelling");
    assertTrue(sharedKeys(flat, otherBuilding).stream().noneMatch(k -> k.startsWith("sn:")));
  }

  @Test
  void theStreetWordKeyIgnoresTheRestOfTheLine() {
    StandardRecord original = livingAt("a", "Ruby", "Reid", "12 Judkins Street", "The Willows", "Airds");
    StandardRecord typoInLine2 = livingAt("b", "Rubi", "Read", "12 judkins st", "the wilolws", "Airds");
    StandardRecord linesSwapped = livingAt("c", "Kira", "Reid", "6 Section", "Saltash Place", "North Ryde");
    StandardRecord linesInOrder = livingAt("d", "Kira", "Reid", "6 Saltash Place", "Section", "North Ryde");
    StandardRecord otherNumber = livingAt("e", "Ruby", "Reid", "14 Judkins Street", "The Willows", "Airds");
    Blocker blocker = new Blocker(MatchingConfig.defaults());
    List<List<String>> keys = blocker.batchKeys(List.of(original, typoInLine2, linesSwapped, linesInOrder, otherNumber));
    assertTrue(sharedKeys(original, typoInLine2).stream().noneMatch(k -> k.startsWith("sn:")),
        "the street key stored for online linking holds the whole line");
    assertTrue(sharedKeys(keys.get(0), keys.get(1)).contains("sw:judkins:12:airds"),
        "a building name with a typo in line2 leaves the street word key as it is");
    assertTrue(sharedKeys(keys.get(2), keys.get(3)).contains("sw:saltash:6:northryde"),
        "the street named after the line2 written first still meets");
    assertTrue(sharedKeys(keys.get(0), keys.get(4)).stream().noneMatch(k -> k.startsWith("sw:")),
        "another house number is another block");
  }

  @Test
  void streetWordsSkipNumbersUnitsAndStreetTypes() {
    assertEquals(Set.of("baker"), BlockingKeys.streetWords("unit 3 221b baker st"));
    assertEquals(Set.of("section", "saltash"), BlockingKeys.streetWords("6 section saltash pl"));
    assertEquals(Set.of("jianguo"), BlockingKeys.streetWords("8 jianguo rd"));
    assertEquals(Set.of(), BlockingKeys.streetWords("12"));
    assertEquals(Set.of(), BlockingKeys.streetWords(null));
  }

  private static StandardRecord livingAt(String id, String given, String family, String line, String city) {
    return livingAt(id, given, family, line, null, city);
  }

  private static StandardRecord livingAt(String id, String given, String family, String line1, String line2,
                                         String city) {
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        given, family, null, null, null, null, null, List.of(), List.of(),
        List.of(new Address(line1, line2, city, null, null, "CN")), List.of(), Map.of(), null));
  }

  /** Given name spelled otherwise, no birth date, street and postcode mistyped: only the names' sound is left. */
  @Test
  void aPassOverAllRecordsPairsNamesBySoundWhateverTheRest() {
    StandardRecord c = person("c", "Catherine", "Johnson", "1980-05-17", null, null, null, "16 Wolff Crescent", "3135");
    StandardRecord k = person("k", "Katherine", "Johnson", null, null, null, null, "16 Wolffcrescent", "3153");
    assertTrue(sharedKeys(c, k).isEmpty(), "no stored key shared");
    Blocker blocker = new Blocker(MatchingConfig.defaults());
    Blocker.Candidates batch = BatchPass.of(List.of(c, k), MatchingConfig.defaults()).candidates();
    assertEquals(1, batch.size(), "paired in a pass over all records");
    List<List<String>> keys = blocker.batchKeys(List.of(c, k));
    assertEquals(List.of("nn:"), sharedKeys(keys.get(0), keys.get(1)).stream()
        .map(x -> x.substring(0, 3)).toList(), "by name_sound alone");
  }

  /** Both name parts damaged or missing, postcode mistyped: the birth date in the city is left. */
  @Test
  void aPassOverAllRecordsPairsABirthDateInACity() {
    StandardRecord d = bornIn("d", "Delaney", "3 O'Sullivan Street", "2166");
    StandardRecord j = bornIn("j", "Jayden", "3 O'Sulliva Street", "2169");
    assertTrue(sharedKeys(d, j).isEmpty(), "no stored key shared");
    Blocker blocker = new Blocker(MatchingConfig.defaults());
    List<List<String>> keys = blocker.batchKeys(List.of(d, j));
    assertEquals(List.of("dc:"), sharedKeys(keys.get(0), keys.get(1)).stream()
        .map(x -> x.substring(0, 3)).toList(), "by birthdate_city alone");
  }

  /** No birth date, the family name misspelled or missing, the postcode the next block's: the district, an initial. */
  @Test
  void aPassOverAllRecordsPairsInitialsInAPostcodeDistrict() {
    StandardRecord a = person("a", "Sarah", "Seymour", null, null, null, null, null, "SW19 9RF");
    StandardRecord b = person("b", "Sarah", "Seymoutr", null, null, null, null, null, "SW19 9XP");
    assertTrue(sharedKeys(a, b).isEmpty(), "no stored key shared");
    List<List<String>> keys = new Blocker(MatchingConfig.defaults()).batchKeys(List.of(a, b));
    assertEquals(List.of("pn:SW199:s"), sharedKeys(keys.get(0), keys.get(1)), "by near_postcode_initials alone");
    StandardRecord noFamilyName = person("n", "Sarah", null, null, null, null, null, null, "SW19 9AB");
    assertEquals(List.of("pn:SW199:s"), sharedKeys(keys.get(0),
        new Blocker(MatchingConfig.defaults()).batchKeys(List.of(noFamilyName)).get(0)), "one initial is enough");
    StandardRecord fourDigits = person("c", "Sarah", "Seymour", null, null, null, null, null, "3135");
    assertTrue(new Blocker(MatchingConfig.defaults()).batchKeys(List.of(fourDigits)).get(0).stream()
        .noneMatch(k -> k.startsWith("pn:")), "a four-digit postcode is a town: no district");
  }

  /** A name and a town and nothing else, a name part misspelled: one part's sound in the town. */
  @Test
  void aPassOverAllRecordsPairsANamePartInATown() {
    StandardRecord full = inTown("a", "William", "Roberts", "1511-10-26", "IP25 1WT", "Ipsbury");
    StandardRecord sparse = inTown("b", "William", "Robets", null, null, "Ipsbury");
    assertTrue(sharedKeys(full, sparse).isEmpty(), "no stored key shared");
    List<List<String>> keys = new Blocker(MatchingConfig.defaults()).batchKeys(List.of(full, sparse));
    assertEquals(List.of("cn:ipsbury:" + Phonetic.key("william")), sharedKeys(keys.get(0), keys.get(1)),
        "by city_name alone");
    StandardRecord elsewhere = inTown("c", "William", "Robets", null, null, "Norby");
    assertTrue(sharedKeys(keys.get(0), new Blocker(MatchingConfig.defaults()).batchKeys(List.of(elsewhere)).get(0))
        .isEmpty(), "another town: no key");
  }

  /**
   * In a town where more records than the window share a name part's sound, each is paired only with its next three
   * in name order: a misspelled family name sorts beside the one it was copied from, strangers further away.
   */
  @Test
  void aNamePartManyShareInATownIsThinnedToNeighboursInNameOrder() {
    List<StandardRecord> rs = new ArrayList<>();
    for (int i = 0; i < 30; i++) rs.add(inTown("l" + i, "John", "Q" + (char) ('a' + i % 26) + i, null, null, "London"));
    rs.add(inTown("brown", "John", "Brown", null, null, "London"));
    rs.add(inTown("browb", "John", "Browb", null, null, "London"));
    String key = "cn:london:" + Phonetic.key("john");
    assertTrue(BatchPass.of(rs, cfg(300, 20)).candidates().oversizedBlocks().containsKey(key), "reported");
    // the block on its own: the pairs its key alone makes
    Blocker.Candidates c = new Blocker(cfg(300, 20)).candidates(rs, rs.stream().map(r -> List.of(key)).toList());
    assertTrue(Arrays.stream(c.pairs()).anyMatch(p -> p == Blocker.pair(30, 31)), "Browb beside Brown");
    assertTrue(c.pairs().length <= 3 * rs.size(), c.pairs().length + " pairs");
    assertFalse(Arrays.stream(c.pairs()).anyMatch(p -> p == Blocker.pair(30, 25)), "Brown and Qz25 are far apart");
  }

  /** A name and an occupation, the town London or none, a name part misspelled: one part's sound in the occupation. */
  @Test
  void aPassOverAllRecordsPairsANamePartInAnOccupation() {
    StandardRecord full = working("a", "Frank", "Fraser", "1951-07-09", "chemist");
    StandardRecord sparse = working("b", "Frank", "Iraser", null, "Chemist");
    assertTrue(sharedKeys(full, sparse).isEmpty(), "no stored key shared");
    List<List<String>> keys = new Blocker(MatchingConfig.defaults()).batchKeys(List.of(full, sparse));
    assertEquals(List.of("jn:chemist:" + Phonetic.key("frank")), sharedKeys(keys.get(0), keys.get(1)),
        "by occupation_name alone");
    StandardRecord other = working("c", "Frank", "Iraser", null, "painter");
    assertTrue(sharedKeys(keys.get(0), new Blocker(MatchingConfig.defaults()).batchKeys(List.of(other)).get(0))
        .isEmpty(), "another occupation: no key");
    List<StandardRecord> politicians = new ArrayList<>();
    for (int i = 0; i < 30; i++) politicians.add(working("p" + i, "John", "Q" + (char) ('a' + i % 26) + i, null, "politician"));
    Blocker.Candidates c = BatchPass.of(politicians, cfg(300, 20)).candidates();
    assertTrue(c.oversizedBlocks().containsKey("jn:politician:" + Phonetic.key("john")), c.oversizedBlocks().toString());
  }

  /** A nickname with a misspelled family name meets the formal name's records through the formal name's sound. */
  @Test
  void aNicknameMeetsItsFormalNameInATownAndInAnOccupation() {
    MatchingConfig withNicknames = MatchingConfig.defaults().withNicknames(NameGroups.parse(List.of("william,bill")));
    StandardRecord full = Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", "a"), Kind.PERSON,
        Instant.EPOCH, false, "William", "Davies", null, null, null, null, "1697-10-28", List.of(), List.of(),
        List.of(new Address(null, null, "Glenwick", null, null, "GB")), List.of(), Map.of("occupation", "botanist"),
        null));
    StandardRecord sparse = Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", "b"), Kind.PERSON,
        Instant.EPOCH, false, "Bill", "Dravies", null, null, null, null, null, List.of(), List.of(),
        List.of(new Address(null, null, "Glenwick", null, null, "GB")), List.of(), Map.of("occupation", "botanist"),
        null));
    List<List<String>> keys = new Blocker(withNicknames).batchKeys(List.of(full, sparse));
    String william = Phonetic.key("william");
    assertTrue(sharedKeys(keys.get(0), keys.get(1)).containsAll(List.of("cn:glenwick:" + william,
        "jn:botanist:" + william)), sharedKeys(keys.get(0), keys.get(1)).toString());
  }

  /** Both name parts misspelled: the occupation in the town still pairs them; the priests of London only neighbours. */
  @Test
  void aPassOverAllRecordsPairsAnOccupationInATown() {
    StandardRecord full = inTownWorking("a", "William", "Green", "Yarworth", "farmer");
    StandardRecord sparse = inTownWorking("b", "Witliam", "Grkeen", "Yarworth", "Farmer");
    List<List<String>> keys = new Blocker(MatchingConfig.defaults()).batchKeys(List.of(full, sparse));
    assertTrue(sharedKeys(keys.get(0), keys.get(1)).contains("co:yarworth:farmer"), keys.toString());
    List<StandardRecord> priests = new ArrayList<>();
    for (int i = 0; i < 30; i++) priests.add(inTownWorking("p" + i, "G" + i, "F" + i, "London", "priest"));
    Blocker.Candidates c = BatchPass.of(priests, cfg(300, 20)).candidates();
    assertTrue(c.oversizedBlocks().containsKey("co:london:priest"), c.oversizedBlocks().toString());
  }

  private static StandardRecord inTownWorking(String id, String given, String family, String city, String occupation) {
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        given, family, null, null, null, null, null, List.of(), List.of(),
        List.of(new Address(null, null, city, null, null, "GB")), List.of(), Map.of("occupation", occupation), null));
  }

  private static StandardRecord working(String id, String given, String family, String birth, String occupation) {
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        given, family, null, null, null, null, birth, List.of(), List.of(), List.of(), List.of(),
        Map.of("occupation", occupation), null));
  }

  private static StandardRecord inTown(String id, String given, String family, String birth, String postcode,
                                       String city) {
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        given, family, null, null, null, null, birth, List.of(), List.of(),
        List.of(new Address(null, null, city, null, postcode, "GB")), List.of(), Map.of(), null));
  }

  private static StandardRecord bornIn(String id, String given, String line1, String postcode) {
    return Fixtures.STD.standardize(new CanonicalRecord(new SourceKey("t", id), Kind.PERSON, Instant.EPOCH, false,
        given, null, null, null, null, null, "1933-12-20", List.of(), List.of(),
        List.of(new Address(line1, null, "Mount Evelyn", null, postcode, "AU")), List.of(), Map.of(), null));
  }

  /**
   * A given name in one month of one year: a handful of records are one customer's, a dozen a common name. Each
   * record here has another family name and day, so only the date_part_name key could pair them.
   */
  @Test
  void blocksOfOneNamePartInAMonthArePairedUpToAHandful() {
    List<String> families = List.of("Klein", "Otto", "Huber", "Vogel", "Brandt", "Simon", "Jaeger");
    for (int n : new int[] {6, 7}) {
      List<StandardRecord> rs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rs.add(person("k" + i, "Karl", families.get(i), "2002-06-" + (10 + 3 * i), null, null, null, null, null));
      }
      assertEquals(n <= 6 ? n * (n - 1) / 2 : 0, BatchPass.of(rs, cfg(300, 20)).candidates().size(),
          n + " records named Karl born in June 2002");
    }
  }

  /** A full name shared by more records than the window, and nothing else, says nothing: no pairs, one report. */
  @Test
  void bigBlocksOfANameAloneAreSkippedInBatchPasses() {
    List<StandardRecord> rs = new ArrayList<>();
    for (int i = 0; i < 60; i++) rs.add(person("w" + i, "Wei", "Zhang", null, null, null, null, null, null));
    rs.add(person("q1", "Ann", "Quispe", null, null, null, null, null, null));
    rs.add(person("q2", "Ann", "Quispe", null, null, null, null, null, null));
    Blocker.Candidates c = BatchPass.of(rs, cfg(300, 20)).candidates();
    assertTrue(c.oversizedBlocks().containsKey("nk:wei|zhang"), c.oversizedBlocks().toString());
    assertEquals(1, c.size(), "only the small name block is paired");
    assertEquals(Blocker.pair(60, 61), c.pairs()[0]);
  }

  @Test
  void oversizedBlocksAreReportedAndPairedByNeighbourhood() {
    List<StandardRecord> rs = new ArrayList<>();
    for (int i = 0; i < 500; i++) rs.add(person("p" + i, "Wei" + (char) ('a' + i % 26), "Zhang", "1990-01-01", null, null, null, null, null));
    Blocker.Candidates c = new Blocker(cfg(100, 5)).candidates(rs);
    assertTrue(c.oversizedBlocks().containsKey("di:1990-01-01:z"), c.oversizedBlocks().toString());
    assertTrue(c.size() < 500 * 5 * 6, "bounded by keys x window per record: " + c.size());
  }

  /**
   * Keys of a small vocabulary only (a few names, a few postcodes), so that every block is over the cap at both
   * sizes; keys on a whole birth date stay tiny in real data and would only measure this population's calendar.
   */
  @Test
  void candidatePairsGrowLinearlyOnceBlocksReachTheirCap() {
    MatchingConfig cfg = cfg(5, 3);
    Standardizer coarse = new Standardizer(new StandardizerConfig("CN", false, List.of("postcode_initials", "name_key"),
        List.of(), NameGroups.none()));
    List<StandardRecord> small = population(4_000).stream().map(coarse::standardize).toList();
    List<StandardRecord> large = population(16_000).stream().map(coarse::standardize).toList();
    long s = new Blocker(cfg).candidates(small).size();
    long l = new Blocker(cfg).candidates(large).size();
    assertTrue(l < s * 4 * 1.15, s + " -> " + l);
    int keys = large.get(0).blockingKeys().size();
    assertTrue(l <= (long) large.size() * keys * 4, "at most keys x max(cap, window) per record: " + l);
  }

  private static List<CanonicalRecord> population(int n) {
    List<CanonicalRecord> rs = new ArrayList<>();
    String[] family = {"Zhang", "Wang", "Li", "Smith", "Lee"};
    for (int i = 0; i < n; i++) {
      rs.add(new CanonicalRecord(new SourceKey("t", "p" + i), Kind.PERSON, Instant.EPOCH, false, "G" + (i % 97),
          family[i % family.length], null, null, null, null, (1950 + i % 50) + "-01-0" + (1 + i % 9), List.of(),
          List.of(), List.of(new Address(null, null, null, null, "1000" + (i % 30), null)), List.of(), Map.of(), null));
    }
    return rs;
  }
}
