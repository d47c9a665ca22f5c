package io.customerhub.resolve.match;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyGroupsTest {

  /** What grouping by a map of key texts gives: every key with two entries or more, records ascending. */
  private static Map<String, List<Integer>> byMap(List<List<String>> keys) {
    Map<String, List<Integer>> all = new HashMap<>();
    for (int r = 0; r < keys.size(); r++) {
      for (String k : keys.get(r)) all.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
    }
    all.values().removeIf(records -> records.size() < 2);
    return all;
  }

  private static Map<String, List<Integer>> bySort(List<List<String>> keys, ToLongFunction<String> hash,
                                                   int[] distinct) {
    Map<String, List<Integer>> out = new HashMap<>();
    KeyGroups.Grouped<Map<String, List<Integer>>> grouped = KeyGroups.collect(keys, HashMap::new,
        (part, key, records) -> part.put(key, records), hash);
    for (Map<String, List<Integer>> part : grouped.parts()) {
      part.forEach((key, records) -> {
        if (out.put(key, records) != null) throw new AssertionError("block " + key + " given twice");
      });
    }
    distinct[0] = grouped.distinct();
    return out;
  }

  private static List<List<String>> randomKeys(Random rnd, int records, int vocabulary) {
    List<List<String>> keys = new ArrayList<>();
    for (int r = 0; r < records; r++) {
      List<String> k = new ArrayList<>();
      for (int n = rnd.nextInt(6); n > 0; n--) k.add("ny:" + rnd.nextInt(vocabulary));
      keys.add(k);
    }
    return keys;
  }

  @RepeatedTest(5)
  void blocksAreThoseOfAMapOfKeyTexts() {
    assertSameBlocksAsAMap(randomKeys(new Random(), 2_000, 3_000), KeyGroups::hash);
  }

  /** A hash that agrees for many texts (their length) still gives exact blocks: texts are compared. */
  @RepeatedTest(3)
  void textsWhoseHashesAgreeAreStillToldApart() {
    assertSameBlocksAsAMap(randomKeys(new Random(), 500, 400), String::length);
  }

  private static void assertSameBlocksAsAMap(List<List<String>> keys, ToLongFunction<String> hash) {
    int[] distinct = new int[1];

    assertEquals(byMap(keys), bySort(keys, hash, distinct));
    assertEquals(keys.stream().flatMap(List::stream).distinct().count(), distinct[0]);
  }

  /** Blocks of thousands of entries cross the ranges the entries are handed out in: each is given once, whole. */
  @RepeatedTest(3)
  void bigBlocksAcrossRangesAreGivenOnceAndWhole() {
    assertSameBlocksAsAMap(randomKeys(new Random(), 20_000, 40), KeyGroups::hash);
  }

  @Test
  void noKeysNoBlocks() {
    int[] distinct = new int[1];
    assertEquals(Map.of(), bySort(List.of(List.of(), List.of("a")), KeyGroups::hash, distinct));
    assertEquals(1, distinct[0]);
    assertEquals(0, bySort(List.of(), KeyGroups::hash, distinct).size() + distinct[0]);
  }
}
