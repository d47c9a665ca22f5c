package io.customerhub.bench;

import io.customerhub.ingest.RecordDecoder;
import io.customerhub.ingest.SourceMapping;
import io.customerhub.ingest.SourceMappings;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.Linker;
import io.customerhub.resolve.match.MatchingConfig;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate pairs of a load, given the match keys of each record in load order and the batch it was sent in: what
 * the online linker scores. {@code Linker.link} compares every incoming record with the stored records that share
 * a key with it (at most {@code maxCandidatesPerKey} per key: the candidate index offers the most recently stored
 * first) and with every earlier record of the same batch that shares a key (no cap), each pair once.
 *
 * @param records        records counted
 * @param keyRows        (record, key hash) pairs
 * @param linkerPairs    pairs the linker scores, with its per-key cap on stored candidates
 * @param distinctPairs  distinct unordered record pairs sharing at least one key (no cap)
 * @param keyPairs       sum over keys of n(n-1)/2: pairs counted once per shared key
 * @param candidateRows  rows {@code CANDIDATES_BY_KEY} returns over the load (per batch: per distinct key of the
 *                       batch, the stored records under it, capped), each decoded from its stored text
 * @param maxBlock       records under the most common key
 * @param overCap        keys with more than maxCandidatesPerKey records at the end
 * @param biggest        the five biggest keys with their sizes
 * @param rowsByRule     candidateRows by the rule of the key they were found under (the key's prefix, "rec" and
 *                       "strong" ones by their kind), most first: which blocking rule costs what
 */
record PairCount(long records, long keyRows, long linkerPairs, long distinctPairs, long keyPairs, long candidateRows,
                 int maxBlock, int overCap, String biggest, String rowsByRule) {

  /** One record of the load: its key, the batch it was sent in (ascending in load order), its match keys. */
  record Rec(SourceKey key, int batch, List<String> keys) {
  }

  double linkerPerRecord() {
    return linkerPairs / (double) records;
  }

  double distinctPerRecord() {
    return distinctPairs / (double) records;
  }

  double keyPairsPerRecord() {
    return keyPairs / (double) records;
  }

  double rowsPerRecord() {
    return candidateRows / (double) records;
  }

  /** Counts from the records in load order. */
  static PairCount of(List<Rec> recs, int maxCandidatesPerKey) {
    int n = recs.size();
    Map<String, List<Integer>> members = new HashMap<>();
    long rows = 0;
    for (int i = 0; i < n; i++) {
      for (String k : recs.get(i).keys()) {
        members.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
        rows++;
      }
    }
    // members of each key, most recently stored first: the order the candidate index offers them in
    Map<String, int[]> indexOrder = new HashMap<>();
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      if (e.getValue().size() <= maxCandidatesPerKey) continue;
      indexOrder.put(e.getKey(), e.getValue().stream().sorted(Comparator.reverseOrder())
          .mapToInt(Integer::intValue).toArray());
    }
    int[] stampAll = new int[n];
    int[] stampLinker = new int[n];
    java.util.Arrays.fill(stampAll, -1);
    java.util.Arrays.fill(stampLinker, -1);
    long distinct = 0;
    long linker = 0;
    long candidateRows = 0;
    Map<String, Long> byRule = new HashMap<>();
    Set<String> batchKeys = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      Rec r = recs.get(i);
      if (i == 0 || recs.get(i - 1).batch() != r.batch()) {
        batchKeys.clear();
        // the candidates the index returns for this batch
        for (int b = i; b < n && recs.get(b).batch() == r.batch(); b++) {
          for (String k : recs.get(b).keys()) {
            if (!batchKeys.add(k)) continue;
            int stored = 0;
            for (int j : members.get(k)) {
              if (recs.get(j).batch() >= r.batch()) break;
              stored++;
            }
            candidateRows += Math.min(stored, maxCandidatesPerKey);
            byRule.merge(rule(k), (long) Math.min(stored, maxCandidatesPerKey), Long::sum);
          }
        }
      }
      for (String k : new LinkedHashSet<>(r.keys())) {
        List<Integer> m = members.get(k);
        for (int j : m) {
          if (j >= i) break; // members are in load order
          if (stampAll[j] != i) {
            stampAll[j] = i;
            distinct++;
          }
        }
        // the linker: in-batch peers all, stored records at most maxCandidatesPerKey (first in index order)
        int[] ordered = indexOrder.get(k);
        if (ordered == null) {
          for (int j : m) {
            if (j >= i) break;
            if (stampLinker[j] != i) {
              stampLinker[j] = i;
              linker++;
            }
          }
        } else {
          int taken = 0;
          for (int j : ordered) {
            if (taken >= maxCandidatesPerKey) break;
            if (recs.get(j).batch() >= r.batch()) continue;
            taken++;
            if (stampLinker[j] != i) {
              stampLinker[j] = i;
              linker++;
            }
          }
          for (int j : m) {
            if (j >= i) break;
            if (recs.get(j).batch() != r.batch()) continue;
            if (stampLinker[j] != i) {
              stampLinker[j] = i;
              linker++;
            }
          }
        }
      }
    }
    long keyPairs = 0;
    int max = 0;
    int overCap = 0;
    for (List<Integer> m : members.values()) {
      long s = m.size();
      keyPairs += s * (s - 1) / 2;
      max = Math.max(max, m.size());
      if (s > maxCandidatesPerKey) overCap++;
    }
    StringBuilder top = new StringBuilder();
    members.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, List<Integer>> e) -> -e.getValue().size()))
        .limit(5)
        .forEach(e -> top.append(top.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
            .append(e.getValue().size()));
    StringBuilder rules = new StringBuilder();
    byRule.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> rules.append(rules.length() == 0 ? "" : ", ").append(e.getKey())
            .append(String.format(java.util.Locale.ROOT, " %.2f", e.getValue() / (double) n)));
    return new PairCount(n, rows, linker, distinct, keyPairs, candidateRows, max, overCap, top.toString(),
        rules.toString());
  }

  /** A key's rule: its prefix up to the first ':' (keys read back from the database are hashes: no rule). */
  private static String rule(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? "hashed" : key.substring(0, colon);
  }

  /**
   * The match keys the hub stores for each line, computed offline exactly as {@code Prepared.of} does: the strong
   * keys, the record's own {@code rec:} key and one per link, then the blocking keys. Uses the hub's own source
   * mappings, decoder and standardizer from {@code conf/}. Batches as the bench sends them: per source, every
   * {@code batchSize} lines.
   */
  static List<Rec> offlineKeys(Map<String, List<BenchSupport.Line>> lines, Path confDir, int batchSize) {
    SourceMappings mappings = SourceMappings.load(confDir);
    MatchingConfig matching = MatchingConfig.load(confDir.resolve("matching.json"));
    Standardizer standardizer = new Standardizer(matching.standardizer());
    List<Rec> out = new ArrayList<>();
    int batch = 0;
    for (Map.Entry<String, List<BenchSupport.Line>> e : lines.entrySet()) {
      SourceMapping mapping = mappings.forSource(e.getKey()).orElseThrow();
      List<BenchSupport.Line> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        if (i % batchSize == 0) batch++;
        BenchSupport.Line l = list.get(i);
        RecordDecoder.Decoded d = RecordDecoder.decode(mapping.apply(new JsonObject(l.json())), e.getKey(),
            mapping.defaultKind());
        if (!d.ok()) continue;
        CanonicalRecord r = d.record();
        if (r.deleted() || !r.isIdentity()) continue;
        StandardRecord std = standardizer.standardize(r);
        Set<String> keys = new LinkedHashSet<>(std.strongKeys());
        keys.add(Linker.recordKey(r.key()));
        for (SourceKey link : r.links()) keys.add(Linker.recordKey(link));
        keys.addAll(std.blockingKeys());
        out.add(new Rec(r.key(), batch, new ArrayList<>(keys)));
      }
    }
    return out;
  }
}
