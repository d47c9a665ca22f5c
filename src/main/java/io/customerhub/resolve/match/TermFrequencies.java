package io.customerhub.resolve.match;

import io.customerhub.resolve.standardize.StandardRecord;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * How often each name, identifier and town occurs, so that agreeing on a rare name ("Quispe") counts more
 * than agreeing on a common one ("Zhang"), a town of a few records more than London, and a phone number or a birth
 * date that many records carry (a switchboard, a placeholder, the 1 January a system writes when it knows only the
 * year) counts as little as its frequency says. Incremental ({@link #add}) and mergeable ({@link #merge}); safe to
 * read while another thread adds.
 */
public final class TermFrequencies {

  /** The fields counted; {@link Field#ADDRESS} counts towns. */
  static final List<Field> FIELDS = List.of(Field.FAMILY_NAME, Field.GIVEN_NAME, Field.ORG_NAME, Field.EMAIL,
      Field.PHONE, Field.NATIONAL_ID, Field.TAX_ID, Field.BIRTH_DATE, Field.ADDRESS, Field.OCCUPATION);

  private final Map<Field, ConcurrentHashMap<String, Long>> counts = new EnumMap<>(Field.class);
  private final Map<Field, AtomicLong> totals = new EnumMap<>(Field.class);
  /** Per field, the sum over values of count squared: how many ordered pairs of records share a value. */
  private final Map<Field, AtomicLong> squares = new EnumMap<>(Field.class);

  public TermFrequencies() {
    for (Field f : FIELDS) {
      counts.put(f, new ConcurrentHashMap<>());
      totals.put(f, new AtomicLong());
      squares.put(f, new AtomicLong());
    }
  }

  public static TermFrequencies of(List<StandardRecord> records) {
    TermFrequencies tf = new TermFrequencies();
    for (StandardRecord r : records) tf.add(r);
    return tf;
  }

  /** Empty frequencies: scoring falls back to the model's u probabilities. */
  public static TermFrequencies none() {
    return new TermFrequencies();
  }

  public void add(StandardRecord r) {
    each(r.counted(), this::tally);
  }

  /**
   * Takes back what {@link #add} counted for a record whose values changed or that is gone. Exact in any order: two
   * threads may count a record's replacement before its arrival (its value then counts -1 until the arrival comes),
   * and the sum comes out right.
   */
  public void remove(StandardRecord r) {
    each(r.counted(), this::untally);
  }

  /**
   * A stored record's values changed from {@code before} to {@code after}, each encoded ({@link
   * StandardRecord#encode}) and null for none: a new record, one standardized again, one forgotten. Equal values
   * (the record only moved to another profile) change nothing. A form no longer read (an older codec's, which
   * re-standardization replaces) counts nothing: the counts weigh evidence, they are not worth a failed commit.
   */
  public void changed(String before, String after) {
    if (Objects.equals(before, after)) return;
    if (before != null) count(before, this::untally);
    if (after != null) count(after, this::tally);
  }

  private static void count(String encoded, BiConsumer<Field, String> counter) {
    StandardRecord.Counted values;
    try {
      values = StandardRecord.counted(encoded);
    } catch (IllegalArgumentException oldForm) {
      return;
    }
    each(values, counter);
  }

  private static void each(StandardRecord.Counted r, BiConsumer<Field, String> counter) {
    counter.accept(Field.FAMILY_NAME, r.familyKey());
    counter.accept(Field.GIVEN_NAME, r.givenKey());
    counter.accept(Field.ORG_NAME, r.orgKey());
    for (String e : r.emails()) counter.accept(Field.EMAIL, e);
    for (String p : r.phones()) counter.accept(Field.PHONE, p);
    counter.accept(Field.NATIONAL_ID, r.nationalId());
    counter.accept(Field.TAX_ID, r.taxId());
    // full dates only: a year alone is shared by design
    if (r.birthDate() != null && r.birthDate().length() == 10) counter.accept(Field.BIRTH_DATE, r.birthDate());
    for (String city : r.cities()) counter.accept(Field.ADDRESS, city);
    counter.accept(Field.OCCUPATION, r.occupation());
  }

  /** How many records carry this value (0 when unseen; below 0 only for a moment, see {@link #remove}). */
  public long count(Field f, String value) {
    Map<String, Long> c = counts.get(f);
    return c == null || value == null ? 0 : c.getOrDefault(value, 0L);
  }

  private void tally(Field f, String value) {
    if (value == null) return;
    step(f, value, 1);
    totals.get(f).incrementAndGet();
  }

  private void untally(Field f, String value) {
    if (value == null) return;
    step(f, value, -1);
    totals.get(f).decrementAndGet();
  }

  /** Moves a value's count by {@code delta}, and the sum of squares with it (atomically per value). */
  private void step(Field f, String value, long delta) {
    AtomicLong sq = squares.get(f);
    counts.get(f).compute(value, (k, n) -> {
      long before = n == null ? 0 : n, after = before + delta;
      sq.addAndGet(after * after - before * before);
      return after == 0 ? null : after;
    });
  }

  /** Adds the counts of {@code other} (e.g. from another partition of the data) to this one. */
  public TermFrequencies merge(TermFrequencies other) {
    for (Field f : FIELDS) {
      other.counts.get(f).forEach((k, v) -> step(f, k, v));
      totals.get(f).addAndGet(other.totals.get(f).get());
    }
    return this;
  }

  /**
   * The chance that two records, drawn at random, carry the same value (the average frequency of a value, each
   * weighed by how often it occurs): what agreeing on this field means on average, against which one value's
   * {@link #frequency} says how much more or less it means. NaN when fewer than two values are counted.
   */
  public double agreement(Field f) {
    long total = total(f);
    if (total < 2) return Double.NaN;
    return (squares.get(f).get() - total) / ((double) total * (total - 1));
  }

  /**
   * The chance that another record carries this value: (count - 1) / (total - 1), the record itself not
   * counted, and at least one other so that a value seen once is as rare as the data can tell. NaN when
   * nothing is known for the field.
   */
  public double frequency(Field f, String value) {
    AtomicLong total = totals.get(f);
    if (total == null || total.get() < 2 || value == null) return Double.NaN;
    long c = counts.get(f).getOrDefault(value, 0L);
    return Math.max(1L, c - 1) / (double) (total.get() - 1);
  }

  public long total(Field f) {
    AtomicLong t = totals.get(f);
    return t == null ? 0 : t.get();
  }
}
