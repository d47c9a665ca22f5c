package io.customerhub.ingest;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a source writes the month or the day first in dates with the year last (07/04/1980), learned from the
 * dates it sends where its mapping does not say ({@code "dates"} in conf/sources/NAME.json). A source writes all its
 * dates one way, and a date whose first number is above 12 (31/12/1980) or whose second is (12/31/1980) tells which.
 * Read day first until told, the US 07/04/1980 became 7 April: the same text gives the same date, but a mistyped day
 * (07/14/1980 beside 07/04/1980) no longer looks like one, and another source's ISO date of the same customer agrees
 * only as a swap. Once a request brings dates of one order and none of the other, the node reads the source's
 * dates so from then on; a source whose dates show both orders stays read day first, each date by itself as before.
 * What the dates showed is also kept in PostgreSQL ({@link StoredDateOrders}), so that a restarted node, or another
 * one, reads the source's next dates the same way, even a lone 07/04/1980 that tells nothing by itself, and inputs
 * stored before a source showed the month first are read again ({@link IngestService}); a source
 * decided day first only because nothing told in {@link #SCAN_LIMIT} inputs is not kept, and may still show its
 * order after a restart or to another node (which this one then adopts, {@link LearnedDateOrders}). Pure apart from
 * its memory; thread-safe.
 */
final class DateOrders {

  /** Inputs of a source looked at without finding a date that tells the order: it is taken to write none so. */
  static final int SCAN_LIMIT = 20_000;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DateOrders.class);

  private final ConcurrentHashMap<String, Learning> sources = new ConcurrentHashMap<>();

  /**
   * What one source's inputs have shown so far; {@code monthFirst} null until decided, {@code shown} whether the
   * decision rests on the source's dates (or on what another node learned from them) rather than on finding none.
   */
  private static final class Learning {
    Boolean monthFirst;
    boolean shown;
    long scanned;
    boolean dayFirstSeen;
    boolean monthFirstSeen;
  }

  /**
   * Whether {@code source} writes the month first, where its mapping says or its dates have told; null while
   * undecided, when {@link #learn} must look at a request's inputs.
   */
  Boolean decided(String source, SourceMapping mapping) {
    if (mapping.datesDeclared()) return mapping.monthFirst();
    Learning l = sources.get(source);
    if (l == null) return null;
    synchronized (l) {
      return l.monthFirst;
    }
  }

  /**
   * Whether {@code source}'s own dates decided its order, and which: null while undecided, or where it was decided
   * day first only because none told. What a node keeps for the others and for its next start.
   */
  Boolean shown(String source) {
    Learning l = sources.get(source);
    if (l == null) return null;
    synchronized (l) {
      return l.shown ? l.monthFirst : null;
    }
  }

  /** Reads {@code source}'s dates as learned earlier or elsewhere from now on, in place of what this node had. */
  void adopt(String source, boolean monthFirst) {
    Learning l = sources.computeIfAbsent(source, s -> new Learning());
    synchronized (l) {
      l.monthFirst = monthFirst;
      l.shown = true;
    }
  }

  /**
   * What a request's inputs showed: the source's order, null while it is still undecided (the dates are read day
   * first for now, and may turn out to be month first once a later request, of this node or another, shows it); and,
   * while undecided, whether a date of the inputs reads either way.
   */
  record Learned(Boolean monthFirst, boolean eitherWay) {
  }

  /**
   * How to read {@code source}'s dates in a request of {@code texts}, learning from them where still undecided, and
   * whether the source is still undecided after them, told in the same step that learns, so that a decision another
   * request makes meanwhile cannot be mistaken for the one this request was read with.
   */
  Learned learn(String source, SourceMapping mapping, List<String> texts) {
    Boolean known = decided(source, mapping);
    if (known != null) return new Learned(known, false);
    Learning l = sources.computeIfAbsent(source, s -> new Learning());
    Seen seen = new Seen();
    for (String text : texts) {
      if (text != null) YearLastDates.scan(text, seen);
    }
    synchronized (l) {
      if (l.monthFirst != null) return new Learned(l.monthFirst, false);
      l.dayFirstSeen |= seen.dayFirst;
      l.monthFirstSeen |= seen.monthFirst;
      l.scanned += texts.size();
      l.shown = l.dayFirstSeen || l.monthFirstSeen;
      if (l.dayFirstSeen && l.monthFirstSeen) {
        l.monthFirst = false;
        LOG.warn("source {} writes dates both day first and month first: each read by itself, day first where both "
            + "orders make a date (say \"dates\" in conf/sources/{}.json)", source, source);
      } else if (l.monthFirstSeen || l.dayFirstSeen) {
        l.monthFirst = l.monthFirstSeen;
        LOG.info("source {} writes dates {} first: read so from now on", source, l.monthFirst ? "month" : "day");
      } else if (l.scanned >= SCAN_LIMIT) {
        l.monthFirst = false;
      }
      return new Learned(l.monthFirst, l.monthFirst == null && seen.eitherWay);
    }
  }

  /** What the dates of a request's inputs showed. */
  private static final class Seen implements YearLastDates.Visitor {
    boolean dayFirst;
    boolean monthFirst;
    boolean eitherWay;

    @Override
    public boolean found(int first, char separator, int second) {
      if (first > 12 && second <= 12) dayFirst = true;
      // dots are how day-first countries write dates: 3.14.1592 is a number more likely than a date
      if (second > 12 && first <= 12 && separator != '.') monthFirst = true;
      eitherWay |= readsEitherWay(first, second);
      return true;
    }
  }

  /** Whether {@code text} holds a date with the year last whose day and month could be read either way (07/04/1980). */
  static boolean readsEitherWay(String text) {
    if (text == null) return false;
    boolean[] either = {false};
    YearLastDates.scan(text, (first, separator, second) -> {
      either[0] = readsEitherWay(first, second);
      return !either[0]; // the first such date answers
    });
    return either[0];
  }

  private static boolean readsEitherWay(int first, int second) {
    return first >= 1 && first <= 12 && second >= 1 && second <= 12;
  }
}
