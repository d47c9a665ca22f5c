package io.customerhub.resolve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs each blocking key that reached the per-key cap, once per process: such a key (a shared switchboard
 * number, a very common name) compares only a sample of its records, and a data team should know which keys do.
 * Keys are made of personal data, so the log names the key's kind and a fingerprint, never its value; the
 * values are in {@code match_key} for those allowed to read them.
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
    LOG.info("a blocking key of kind '{}' (fingerprint {}) has more than {} records: new records are compared with "
        + "{} of them (raise resolve.maxCandidatesPerKey or make the key more selective in conf/matching.json; "
        + "select key, count(*) from match_key group by key order by 2 desc lists them)",
        kind, Integer.toHexString(key.hashCode()), cap, cap);
  }
}
