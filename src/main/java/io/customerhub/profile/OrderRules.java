package io.customerhub.profile;

import java.util.List;

/**
 * Order aggregation settings (conf/profile.json {@code orders}): the trailing window of {@code value12m} and
 * the RFM score thresholds. Recency thresholds are days, ascending: within the first → 5, … beyond the last →
 * 1. Frequency (kept orders) and monetary (spend) thresholds are ascending minimums: reaching the n-th → n+1.
 * {@code currency}: the currency the money figures are in and the rates of the others ({@link Currencies}).
 */
public record OrderRules(int valueWindowDays, Rfm rfm, Currencies currency) {

  public record Rfm(List<Integer> recencyDays, List<Integer> frequency, List<Double> monetary) {
    public Rfm {
      recencyDays = List.copyOf(recencyDays == null ? List.of(30, 90, 180, 365) : recencyDays);
      frequency = List.copyOf(frequency == null ? List.of(2, 4, 8, 16) : frequency);
      monetary = List.copyOf(monetary == null ? List.of(100.0, 500.0, 2000.0, 10000.0) : monetary);
      for (List<? extends Number> l : List.of(recencyDays, frequency, monetary)) {
        if (l.size() != 4) throw new IllegalArgumentException("rfm thresholds need 4 ascending values, got " + l);
      }
    }
  }

  public OrderRules {
    if (valueWindowDays < 0) {
      throw new IllegalArgumentException("valueWindowDays must not be negative, got " + valueWindowDays);
    }
    if (valueWindowDays == 0) valueWindowDays = 365; // not given
    if (rfm == null) rfm = new Rfm(null, null, null);
    if (currency == null) currency = Currencies.DEFAULT;
  }

  public static OrderRules defaults() {
    return new OrderRules(365, null, null);
  }
}
