package io.customerhub.profile;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an order's amount is worth in the hub's one currency of value ({@code base}), so that spend, the 12-month
 * value, RFM and tiers never add yuan to dollars. {@code toBase} holds, per ISO code, what one unit is worth in the
 * base currency: rates the operator keeps in conf/profile.json. An order in a currency without a rate is counted
 * but adds nothing to the money figures (the profile says how many such orders it has): a missing rate leaves a
 * figure short, where a guessed one would make it wrong. An order without a currency is taken to be in the base
 * currency. The default is yuan with no other rates, as in the shipped configuration.
 */
public record Currencies(String base, Map<String, BigDecimal> toBase) {

  public static final Currencies DEFAULT = new Currencies("CNY", Map.of());

  public Currencies {
    if (base == null || base.isBlank()) {
      throw new IllegalArgumentException("orders.currency.base: is missing (the ISO code of the money figures)");
    }
    base = code(base);
    Map<String, BigDecimal> rates = new TreeMap<>();
    if (toBase != null) {
      toBase.forEach((currency, rate) -> {
        if (rate == null || rate.signum() <= 0) {
          throw new IllegalArgumentException("orders.currency.toBase." + currency + ": must be a positive number");
        }
        rates.put(code(currency), rate);
      });
    }
    toBase = Map.copyOf(rates);
  }

  /** What one unit of {@code currency} is worth in the base currency, or null when no rate says. */
  public BigDecimal factor(String currency) {
    if (currency == null || currency.isBlank()) return BigDecimal.ONE;
    String c = code(currency);
    return c.equals(base) ? BigDecimal.ONE : toBase.get(c);
  }

  /** A currency code as the sources write it ({@code " usd"}) in the form rates and profiles use ({@code USD}). */
  public static String code(String currency) {
    return currency.strip().toUpperCase(Locale.ROOT);
  }
}
