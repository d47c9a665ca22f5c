package io.customerhub.cli;

import io.customerhub.generate.Dataset;
import io.customerhub.generate.DatasetWriter;
import io.customerhub.generate.ErrorType;
import io.customerhub.generate.GenerationStats;
import io.customerhub.generate.GeneratorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/** {@code hub generate}: writes a synthetic CRM/ERP/orders/risk dataset with ground truth into a directory. */
@Command(name = "generate",
    description = "Generate synthetic CRM, ERP, order and risk-feed records with ground truth (truth.csv).")
public final class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--persons", paramLabel = "N", description = "Number of real-world persons (default: ${DEFAULT-VALUE}).")
  int persons = 1000;

  @Option(names = "--orgs", paramLabel = "M", description = "Number of customer organizations (default: ${DEFAULT-VALUE}).")
  int orgs = 200;

  @Option(names = "--dup-rate", paramLabel = "R",
      description = "Fraction of customers with more than one CRM/ERP record (default: ${DEFAULT-VALUE}).")
  double dupRate = 0.3;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed; same options, same files (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("generated");

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "Generation instant; timestamps lie in the two years before it (default: ${DEFAULT-VALUE}).")
  Instant asOf = GeneratorOptions.DEFAULT_AS_OF;

  @Option(names = "--errors", paramLabel = "LIST", split = ",",
      description = "Error types to inject, each optionally with a rate (typo=0.2); all at their default rates when "
          + "omitted. Types: script, nickname, swapped-names, moved-address, email-variant, phone-format, org-suffix, "
          + "typo, ocr, national-id-typo, birthdate-swap, missing-field.")
  String[] errors;

  @Option(names = "--no-errors", description = "Inject no errors at all.")
  boolean noErrors;

  @Override
  public Integer call() throws Exception {
    // named by option here: the generator's own checks speak of its fields (dupRate), and a file in the way of
    // --out would otherwise surface as the stack trace of creating the directory
    if (persons < 0) throw new ParameterException(spec.commandLine(), "--persons must not be negative, not " + persons);
    if (orgs < 0) throw new ParameterException(spec.commandLine(), "--orgs must not be negative, not " + orgs);
    if (!(dupRate >= 0 && dupRate <= 1)) {
      throw new ParameterException(spec.commandLine(), "--dup-rate must be within [0, 1], not " + dupRate);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " is a file, not a directory");
    }
    GeneratorOptions options = new GeneratorOptions(persons, orgs, dupRate, seed, errorRates(), asOf);
    long start = System.nanoTime();
    GenerationStats stats = DatasetWriter.generate(options, out);
    long millis = (System.nanoTime() - start) / 1_000_000;
    print(spec.commandLine().getOut(), stats, millis);
    warnOfOthers(spec.commandLine().getErr());
    return 0;
  }

  /**
   * Files of another source left in {@code --out} by an earlier run or by hand: {@code eval --from} reads every
   * {@code <source>.ndjson} there as a source, so a stale one would be loaded beside this set without its truth.
   */
  private void warnOfOthers(PrintWriter err) throws java.io.IOException {
    java.util.List<String> others;
    try (java.util.stream.Stream<Path> files = Files.list(out)) {
      others = files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".ndjson") && !Dataset.SOURCES.contains(n.substring(0, n.length() - 7)))
          .sorted().toList();
    }
    if (!others.isEmpty()) {
      err.printf("note: %s also holds %s, not of this set: bin/hub eval --from %s would load %s as a source too%n",
          out, String.join(", ", others), out, others.size() == 1 ? "it" : "them");
    }
  }

  private Map<ErrorType, Double> errorRates() {
    if (noErrors && errors != null) {
      throw new ParameterException(spec.commandLine(), "--errors and --no-errors exclude each other");
    }
    if (noErrors) return Map.of();
    if (errors == null) return GeneratorOptions.allErrors();
    Map<ErrorType, Double> rates = new EnumMap<>(ErrorType.class);
    for (String item : errors) {
      if (item.isBlank()) continue;
      String[] parts = item.split("=", 2);
      ErrorType type = ErrorType.fromWire(parts[0]).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "unknown error type '" + parts[0].trim() + "'; known: " + knownTypes()));
      double rate = type.defaultRate();
      if (parts.length == 2) {
        try {
          rate = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
          throw new ParameterException(spec.commandLine(), "rate of " + type.wire() + " is not a number: " + parts[1]);
        }
        if (rate < 0 || rate > 1) throw new ParameterException(spec.commandLine(), "rate of " + type.wire() + " must be within [0, 1]");
      }
      rates.put(type, rate);
    }
    return rates;
  }

  private static String knownTypes() {
    StringJoiner j = new StringJoiner(", ");
    for (ErrorType t : ErrorType.values()) j.add(t.wire());
    return j.toString();
  }

  private void print(PrintWriter w, GenerationStats s, long millis) {
    w.printf("Generated into %s in %d ms%n", out.toAbsolutePath().normalize(), millis);
    for (String source : Dataset.SOURCES) {
      w.printf("  %-14s %,10d records%n", source + ".ndjson", s.recordsPerSource().getOrDefault(source, 0));
    }
    w.printf("  %-14s %,10d rows%n", DatasetWriter.CRM_CSV_FILE, s.recordsPerSource().getOrDefault(Dataset.CRM, 0));
    w.printf("  %-14s %,10d identity records (%,d guest orders)%n", DatasetWriter.TRUTH_FILE, s.identityRecords(),
        s.guestOrders());
    w.printf("Entities: %,d (%,d persons, %,d customer organizations, %,d organizations known only to the risk feed)%n",
        s.entities(), s.persons(), s.orgs(), s.riskOnlyOrgs());
    int customers = s.persons() + s.orgs();
    w.printf("Duplicates: %,d customers (%.1f%%) have more than one CRM/ERP record, %,d extra records%n",
        s.duplicatedEntities(), customers == 0 ? 0.0 : 100.0 * s.duplicatedEntities() / customers, s.duplicateRecords());
    StringJoiner injected = new StringJoiner(", ");
    for (ErrorType t : ErrorType.values()) {
      int n = s.errorCounts().getOrDefault(t, 0);
      if (n > 0) injected.add(t.wire() + " " + n);
    }
    w.printf("Errors injected (records changed): %s%n", injected.length() == 0 ? "none" : injected);
    w.flush();
  }
}
