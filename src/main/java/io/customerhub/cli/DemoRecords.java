package io.customerhub.cli;

import io.customerhub.generate.Dataset;
import io.customerhub.generate.DatasetGenerator;
import io.customerhub.generate.GeneratorOptions;

import java.util.List;

/**
 * The demo's sample records: a generated set of CRM, ERP, risk and order records with realistic duplicates, the same
 * on every run (a fixed seed), so that what the demo shows, and what the console's browser walkthrough checks
 * against, is the same data wherever it runs.
 */
public final class DemoRecords {

  /** Customers first, so that most orders find their customer at once; the hub copes with any order anyway. */
  public static final List<String> SOURCES_IN_SENDING_ORDER =
      List.of(Dataset.CRM, Dataset.ERP, Dataset.RISK, Dataset.ORDERS);

  private static final long SEED = 20261123L;
  private static final double DUP_RATE = 0.3;

  private DemoRecords() {
  }

  public static Dataset generate(int persons, int orgs) {
    return DatasetGenerator.generate(GeneratorOptions.defaults().withPersons(persons).withOrgs(orgs)
        .withDupRate(DUP_RATE).withSeed(SEED));
  }
}
