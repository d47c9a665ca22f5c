package io.customerhub.resolve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs each blocking key that reached the per-key cap, once per process: such a key (a shared switchboard
 * number, a very common name) compares only a sample of its records, and a data team should know which keys do.
 * Keys are made of personal data, so the log names the key's kind and its stored hash, never its value; the
 * records sharing it have that hash in {@code source_record.key_hashes}, for those allowed to read them.
 */
final class OversizedBlocks {

  private static final Logger LOG = LoggerFactory.getLogger(OversizedBlocks.class);
  private static final int REMEMBERED = 10_000;
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private OversizedBlocks() {
  }

  static void report(String key, int cap) {
    if (REPORTED.size() >= REMEMBERED || !REPORTED.add(key)) return;
    int colon = key.indexOf(':');
    String kind = colon > 0 ? key.substring(0, colon) : "?";
    LOG.info("a blocking key of kind '{}' (key_hash {}) has more than {} records: new records are compared with "
        + "{} of them (raise resolve.maxCandidatesPerKey or make the key more selective in conf/matching.json; "
        + "select h, count(*) from source_record, unnest(key_hashes) h group by h order by 2 desc lists the biggest)",
        kind, KeyHash.of(key), cap, cap);
  }
}
