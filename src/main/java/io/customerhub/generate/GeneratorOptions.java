package io.customerhub.generate;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What to generate. Immutable; the {@code with…} methods return changed copies.
 *
 * @param persons    number of real-world persons
 * @param orgs       number of real-world organizations that are customers (the risk feed adds about 10% more
 *                   organizations that are no customers)
 * @param dupRate    fraction of customer entities that get more than one CRM/ERP record
 * @param seed       everything is a pure function of the options; same options, same output
 * @param errorRates probability per record for each error type; a missing type is off
 * @param asOf       the generation instant: updatedAt and order times lie in the two years before it
 */
public record GeneratorOptions(int persons, int orgs, double dupRate, long seed, Map<ErrorType, Double> errorRates,
                               Instant asOf) {

  public static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  public GeneratorOptions {
    if (persons < 0 || orgs < 0) throw new IllegalArgumentException("persons and orgs must not be negative");
    if (!(dupRate >= 0 && dupRate <= 1)) throw new IllegalArgumentException("dupRate must be within [0, 1]");
    EnumMap<ErrorType, Double> rates = new EnumMap<>(ErrorType.class);
    if (errorRates != null) {
      errorRates.forEach((type, rate) -> {
        if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException("rate of " + type.wire() + " must be within [0, 1]");
        if (rate > 0) rates.put(type, rate);
      });
    }
    errorRates = Collections.unmodifiableMap(rates);
    if (asOf == null) asOf = DEFAULT_AS_OF;
  }

  /** 1000 persons, 200 organizations, 30% duplicated, seed 42, every error type at its default rate. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(1000, 200, 0.3, 42, allErrors(), DEFAULT_AS_OF);
  }

  public static Map<ErrorType, Double> allErrors() {
    EnumMap<ErrorType, Double> m = new EnumMap<>(ErrorType.class);
    for (ErrorType t : ErrorType.values()) m.put(t, t.defaultRate());
    return m;
  }

  public GeneratorOptions withPersons(int n) {
    return new GeneratorOptions(n, orgs, dupRate, seed, errorRates, asOf);
  }

  public GeneratorOptions withOrgs(int n) {
    return new GeneratorOptions(persons, n, dupRate, seed, errorRates, asOf);
  }

  public GeneratorOptions withDupRate(double rate) {
    return new GeneratorOptions(persons, orgs, rate, seed, errorRates, asOf);
  }

  public GeneratorOptions withSeed(long s) {
    return new GeneratorOptions(persons, orgs, dupRate, s, errorRates, asOf);
  }

  public GeneratorOptions withAsOf(Instant instant) {
    return new GeneratorOptions(persons, orgs, dupRate, seed, errorRates, instant);
  }

  /** Only the given types, each at its default rate. */
  public GeneratorOptions withErrors(Collection<ErrorType> types) {
    EnumMap<ErrorType, Double> m = new EnumMap<>(ErrorType.class);
    for (ErrorType t : types) m.put(t, t.defaultRate());
    return new GeneratorOptions(persons, orgs, dupRate, seed, m, asOf);
  }

  public GeneratorOptions withErrorRates(Map<ErrorType, Double> rates) {
    return new GeneratorOptions(persons, orgs, dupRate, seed, rates, asOf);
  }

  public GeneratorOptions withErrorRate(ErrorType type, double rate) {
    EnumMap<ErrorType, Double> m = new EnumMap<>(ErrorType.class);
    m.putAll(errorRates);
    m.put(type, rate);
    return new GeneratorOptions(persons, orgs, dupRate, seed, m, asOf);
  }

  public GeneratorOptions withoutErrors() {
    return new GeneratorOptions(persons, orgs, dupRate, seed, Map.of(), asOf);
  }

  public double rate(ErrorType type) {
    return errorRates.getOrDefault(type, 0.0);
  }
}
