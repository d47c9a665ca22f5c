package io.customerhub.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Picks items by relative weight in O(log n); immutable and shareable. */
final class Weighted<T> {

  private final List<T> items;
  private final double[] cumulative;

  private Weighted(List<T> items, double[] cumulative) {
    this.items = items;
    this.cumulative = cumulative;
  }

  static <T> Weighted<T> of(List<T> items, double[] weights) {
    if (items.size() != weights.length || items.isEmpty()) throw new IllegalArgumentException("items and weights differ");
    double[] cum = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cum[i] = sum;
    }
    return new Weighted<>(List.copyOf(items), cum);
  }

  /** Zipf-like weights by rank: real name and city frequencies are heavily skewed towards the first few. */
  static <T> Weighted<T> zipf(List<T> items, double exponent) {
    double[] w = new double[items.size()];
    for (int i = 0; i < w.length; i++) w[i] = 1.0 / Math.pow(i + 1, exponent);
    return of(items, w);
  }

  T pick(SplittableRandom rng) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return items.get(lo);
  }

  List<T> items() {
    return items;
  }

  /** Builds a weighted list from alternating item/weight pairs given as parallel lists. */
  static final class Builder<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    Builder<T> add(T item, double weight) {
      items.add(item);
      weights.add(weight);
      return this;
    }

    Weighted<T> build() {
      double[] w = new double[weights.size()];
      for (int i = 0; i < w.length; i++) w[i] = weights.get(i);
      return of(items, w);
    }
  }
}
