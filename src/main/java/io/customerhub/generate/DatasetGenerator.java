package io.customerhub.generate;

import io.customerhub.generate.Entity.Credit;
import io.customerhub.generate.Entity.Org;
import io.customerhub.generate.Entity.Person;
import io.customerhub.record.SourceKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a realistic, seeded customer dataset with ground truth: persons and organizations, rendered as
 * CRM and ERP records (some entities several times, across and within sources), orders referencing those
 * records (a few guest orders carry contact details instead), and a risk feed about organizations and a few
 * persons. Data-quality errors are injected per {@link GeneratorOptions#errorRates()}.
 *
 * <p>Pure and deterministic: the output is a function of the options alone. Pure Java, no I/O; see
 * {@link DatasetWriter} for files.
 */
public final class DatasetGenerator {

  private static final long DAY = 86_400;
  private static final long WINDOW = 730 * DAY;
  private static final double RISK_ONLY_ORG_RATE = 0.1;
  private static final double ORG_RISK_RATE = 0.35;
  private static final double PERSON_RISK_RATE = 0.01;
  private static final double GUEST_ORDER_RATE = 0.04;
  private static final Weighted<String> CHANNELS = new Weighted.Builder<String>()
      .add("web", 40).add("app", 35).add("store", 15).add("phone", 10).build();

  private final GeneratorOptions options;

  public DatasetGenerator(GeneratorOptions options) {
    this.options = options;
  }

  public static Dataset generate(GeneratorOptions options) {
    return new DatasetGenerator(options).generate();
  }

  /** Generates everything into memory. */
  public Dataset generate() {
    Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
    for (String s : Dataset.SOURCES) records.put(s, new ArrayList<>());
    Map<SourceKey, String> truth = new LinkedHashMap<>();
    Run run = new Run((source, record, entityId) -> {
      records.get(source).add(record);
      if (entityId != null) truth.put(new SourceKey(source, (String) record.get("sourceId")), entityId);
    });
    GenerationStats stats = run.execute();
    Map<String, TrueIdentity> identities = new LinkedHashMap<>();
    for (Entity e : run.customers) identities.put(e.id(), TrueIdentity.of(e));
    records.replaceAll((s, list) -> Collections.unmodifiableList(list));
    return new Dataset(options, Collections.unmodifiableMap(records),
        Collections.unmodifiableMap(truth), Collections.unmodifiableMap(identities), stats);
  }

  /** Generates everything, handing each record to the sink as soon as it is final (for large files). */
  public GenerationStats generate(RecordSink sink) {
    return new Run(sink).execute();
  }

  /** One record slot of a customer in CRM or ERP. */
  private static final class Draft {
    final Entity entity;
    final String source;
    String sourceId;
    Map<String, Object> record;
    private Map<String, Object> ref;

    Draft(Entity entity, String source) {
      this.entity = entity;
      this.source = source;
    }

    /** The {source, sourceId} reference to this record; shared (read-only) by the orders and links naming it. */
    Map<String, Object> ref() {
      if (ref == null) {
        Map<String, Object> m = new LinkedHashMap<>(4);
        m.put("source", source);
        m.put("sourceId", sourceId);
        ref = Collections.unmodifiableMap(m);
      }
      return ref;
    }

    /** Hands the record over; orders only need the key afterwards, and large runs should not keep the map. */
    Map<String, Object> release() {
      Map<String, Object> r = record;
      record = null;
      return r;
    }
  }

  private record OrderDraft(Entity entity, Draft customer, long orderedAt, long updatedAt, BigDecimal amount,
                            String status, String channel, Map<String, Object> guest) {
  }

  /** The state of one generation; every random decision comes from streams derived from the seed. */
  private final class Run {
    private final RecordSink sink;
    private final long seed = options.seed();
    private final long asOf = options.asOf().getEpochSecond();
    private final ErrorInjector errors = new ErrorInjector(options);
    private final SplittableRandom plan;
    private final List<Entity> customers = new ArrayList<>();
    private final List<List<Draft>> draftsByCustomer = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int identityRecords;
    private int guestOrders;

    Run(RecordSink sink) {
      this.sink = sink;
      this.plan = new SplittableRandom(Seeds.mix(seed, 4, 0));
      for (String s : Dataset.SOURCES) counts.put(s, 0);
    }

    GenerationStats execute() {
      EntityFactory factory = new EntityFactory(options.persons() + options.orgs());
      for (int i = 0; i < options.persons(); i++) {
        customers.add(factory.person("E-P" + Format.pad(i + 1, 7), new SplittableRandom(Seeds.mix(seed, 1, i))));
      }
      for (int i = 0; i < options.orgs(); i++) {
        customers.add(factory.org("E-O" + Format.pad(i + 1, 7), false, new SplittableRandom(Seeds.mix(seed, 2, i))));
      }
      int riskOnly = (int) Math.round(options.orgs() * RISK_ONLY_ORG_RATE);
      List<Org> marketOrgs = new ArrayList<>();
      for (int i = 0; i < riskOnly; i++) {
        marketOrgs.add(factory.org("E-X" + Format.pad(i + 1, 7), true, new SplittableRandom(Seeds.mix(seed, 3, i))));
      }

      int[] dupStats = planCustomerRecords();
      emitCustomerRecords();
      emitOrders();
      emitRisk(marketOrgs);
      return new GenerationStats(options.persons(), options.orgs(), riskOnly, customers.size() + riskOnly,
          dupStats[0], dupStats[1], identityRecords, guestOrders, counts, errors.counts());
    }

    // ---- CRM and ERP ----------------------------------------------------------------------------------------

    /** Decides how many records each customer gets and where; returns {duplicated entities, extra records}. */
    private int[] planCustomerRecords() {
      boolean[] duplicated = chooseDuplicated(customers.size());
      int dupEntities = 0;
      int extra = 0;
      for (int i = 0; i < customers.size(); i++) {
        Entity e = customers.get(i);
        int n = 1;
        if (duplicated[i]) {
          double r = plan.nextDouble();
          n = r < 0.6 ? 2 : r < 0.85 ? 3 : r < 0.95 ? 4 : 5;
          dupEntities++;
          extra += n - 1;
        }
        String first = plan.nextDouble() < (e instanceof Person ? 0.65 : 0.4) ? Dataset.CRM : Dataset.ERP;
        List<Draft> drafts = new ArrayList<>(n);
        drafts.add(new Draft(e, first));
        for (int k = 1; k < n; k++) {
          // Duplicates spread over both systems and within one: about half land in the other system.
          String other = first.equals(Dataset.CRM) ? Dataset.ERP : Dataset.CRM;
          drafts.add(new Draft(e, plan.nextDouble() < 0.55 ? other : first));
        }
        draftsByCustomer.add(drafts);
      }
      return new int[] {dupEntities, extra};
    }

    /** Exactly round(dupRate × customers) entities, chosen by a seeded partial shuffle. */
    private boolean[] chooseDuplicated(int n) {
      int k = (int) Math.round(options.dupRate() * n);
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) idx[i] = i;
      boolean[] chosen = new boolean[n];
      for (int i = 0; i < k; i++) {
        int j = i + plan.nextInt(n - i);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        chosen[idx[i]] = true;
      }
      return chosen;
    }

    private void emitCustomerRecords() {
      List<Draft> crm = new ArrayList<>();
      List<Draft> erp = new ArrayList<>();
      for (List<Draft> drafts : draftsByCustomer) {
        for (Draft d : drafts) (d.source.equals(Dataset.CRM) ? crm : erp).add(d);
      }
      // Shuffled so that record ids say nothing about which records belong together.
      shuffle(crm);
      shuffle(erp);
      for (int i = 0; i < crm.size(); i++) crm.get(i).sourceId = "C-" + (100_001 + i);
      for (int i = 0; i < erp.size(); i++) erp.get(i).sourceId = "K-" + (700_001 + i);
      for (int i = 0; i < crm.size(); i++) render(crm.get(i), 0, i);
      for (int i = 0; i < erp.size(); i++) render(erp.get(i), 1, i);
      addLinks();
      for (Draft d : crm) emit(Dataset.CRM, d.release(), d.entity.id());
      for (Draft d : erp) emit(Dataset.ERP, d.release(), d.entity.id());
    }

    private void render(Draft d, int sourceIndex, int position) {
      Map<String, Object> r = identityShell(d.source, d.sourceId, d.entity, randomInstant(0));
      boolean erp = d.source.equals(Dataset.ERP);
      if (d.entity instanceof Person p) {
        boolean split = !erp || plan.nextDouble() < 0.6;
        r.put("givenName", split ? p.given() : null);
        r.put("familyName", split ? p.family() : null);
        r.put("fullName", erp ? p.fullName() : null);
        r.put("nationalId", p.nationalId());
        r.put("birthDate", !erp || plan.nextDouble() < 0.5 ? p.birthDate().toString() : null);
        putContacts(r, p.emails(), p.phones(), erp);
        addresses(r).add(p.address().toMap());
      } else {
        Org o = (Org) d.entity;
        r.put("orgName", o.legalName());
        r.put("taxId", erp || plan.nextDouble() < 0.8 ? o.taxId() : null);
        putContacts(r, o.emails(), o.phones(), erp);
        addresses(r).add(o.address().toMap());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> attributes = (Map<String, Object>) r.get("attributes");
      if (erp) {
        Credit c = d.entity.credit();
        attributes.put("creditLimit", c.creditLimit());
        attributes.put("overdueAmount", c.overdueAmount());
        attributes.put("overdueDays", c.overdueDays());
        attributes.put("openReceivables", c.openReceivables());
      } else {
        boolean person = d.entity instanceof Person;
        attributes.put("segment", person ? ((Person) d.entity).segment() : ((Org) d.entity).segment());
        attributes.put("consent", person ? ((Person) d.entity).consent() : plan.nextDouble() < 0.8);
      }
      errors.apply(r, d.entity, salt(sourceIndex, position));
      d.record = r;
    }

    private void putContacts(Map<String, Object> r, List<String> emails, List<Phone> phones, boolean firstOnly) {
      List<String> e = strings(r, "emails");
      List<String> p = strings(r, "phones");
      for (int i = 0; i < (firstOnly ? Math.min(1, emails.size()) : emails.size()); i++) e.add(emails.get(i));
      for (int i = 0; i < (firstOnly ? Math.min(1, phones.size()) : phones.size()); i++) p.add(phones.get(i).canonical());
    }

    /** Cross-references the sources already know: some ERP accounts name their CRM contact and vice versa. */
    private void addLinks() {
      for (List<Draft> drafts : draftsByCustomer) {
        if (drafts.size() < 2) continue;
        List<Draft> crm = new ArrayList<>(drafts.size());
        List<Draft> erp = new ArrayList<>(drafts.size());
        for (Draft d : drafts) (d.source.equals(Dataset.CRM) ? crm : erp).add(d);
        if (crm.isEmpty() || erp.isEmpty()) continue;
        for (Draft d : erp) if (plan.nextDouble() < 0.25) link(d, crm.get(plan.nextInt(crm.size())));
        for (Draft d : crm) if (plan.nextDouble() < 0.1) link(d, erp.get(plan.nextInt(erp.size())));
      }
    }

    @SuppressWarnings("unchecked")
    private void link(Draft from, Draft to) {
      ((List<Map<String, Object>>) from.record.get("links")).add(to.ref());
    }

    // ---- orders ---------------------------------------------------------------------------------------------

    private void emitOrders() {
      List<OrderDraft> orders = new ArrayList<>();
      for (int i = 0; i < customers.size(); i++) {
        Entity e = customers.get(i);
        List<Draft> drafts = draftsByCustomer.get(i);
        boolean person = e instanceof Person;
        double roll = plan.nextDouble();
        // Dormant customers stopped ordering a year ago; new ones started in the last two months.
        long from = asOf - WINDOW;
        long to = asOf;
        if (roll < 0.1) to = asOf - 400 * DAY;
        else if (roll < 0.15) from = asOf - 60 * DAY;
        int n = poisson(person ? 3.0 : 6.0);
        double returnRate = e.returner() ? 0.45 : 0.06;
        for (int k = 0; k < n; k++) {
          long orderedAt = from + (long) (plan.nextDouble() * (to - from));
          boolean guest = person && plan.nextDouble() < GUEST_ORDER_RATE;
          orders.add(order(e, guest ? null : drafts.get(plan.nextInt(drafts.size())), orderedAt, returnRate, person));
        }
      }
      // Order numbers follow the order time, as in a real shop; ties keep creation order.
      long[] byTime = new long[orders.size()];
      for (int i = 0; i < byTime.length; i++) byTime[i] = (orders.get(i).orderedAt - (asOf - WINDOW)) << 32 | i;
      Arrays.sort(byTime);
      for (int i = 0; i < byTime.length; i++) {
        OrderDraft o = orders.get((int) byTime[i]);
        String id = "O-" + (1_000_001 + i);
        Map<String, Object> r = new LinkedHashMap<>(32);
        r.put("source", Dataset.ORDERS);
        r.put("sourceId", id);
        r.put("kind", "order");
        r.put("updatedAt", Format.instant(o.updatedAt));
        r.put("deleted", false);
        r.put("customerRef", o.customer == null ? null : o.customer.ref());
        if (o.guest != null) r.putAll(o.guest);
        r.put("orderedAt", Format.instant(o.orderedAt));
        r.put("amount", o.amount);
        r.put("currency", "CNY");
        r.put("status", o.status);
        r.put("channel", o.channel);
        if (o.guest != null) {
          errors.apply(r, o.entity, salt(2, i));
          guestOrders++;
          emit(Dataset.ORDERS, r, o.entity.id());
        } else {
          emit(Dataset.ORDERS, r, null);
        }
      }
    }

    private OrderDraft order(Entity e, Draft customer, long orderedAt, double returnRate, boolean person) {
      double median = person ? 200 : 5_000;
      double value = Math.exp(Math.log(median) + plan.nextGaussian());
      BigDecimal amount = BigDecimal.valueOf(Math.max(990, Math.min(200_000_000L, Math.round(value * 100))), 2);
      long age = asOf - orderedAt;
      String status;
      long settled;
      double r = plan.nextDouble();
      if (age < DAY) {
        status = r < 0.5 ? "placed" : "paid";
        settled = r < 0.5 ? 0 : 600;
      } else if (age < 4 * DAY) {
        status = r < 0.3 ? "paid" : "shipped";
        settled = r < 0.3 ? 600 : DAY;
      } else if (r < returnRate) {
        status = "returned";
        settled = (10 + plan.nextInt(20)) * DAY;
      } else if (r < returnRate + 0.08) {
        status = "cancelled";
        settled = plan.nextInt(2 * (int) DAY);
      } else {
        status = "delivered";
        settled = (2 + plan.nextInt(6)) * DAY;
      }
      long updatedAt = Math.min(asOf, orderedAt + settled + plan.nextInt(3600));
      String channel = CHANNELS.pick(plan);
      return new OrderDraft(e, customer, orderedAt, updatedAt, amount, status, channel,
          customer == null ? guestIdentity((Person) e) : null);
    }

    /** What a checkout form collects from a guest: name, an e-mail and/or a phone, the shipping address. */
    private Map<String, Object> guestIdentity(Person p) {
      Map<String, Object> g = new LinkedHashMap<>();
      boolean named = plan.nextDouble() < 0.7;
      g.put("givenName", named ? p.given() : null);
      g.put("familyName", named ? p.family() : null);
      double contact = plan.nextDouble();
      List<String> emails = new ArrayList<>();
      List<String> phones = new ArrayList<>();
      if (contact < 0.8) emails.add(p.emails().get(0));
      if (contact >= 0.5) phones.add(p.phones().get(0).canonical());
      g.put("emails", emails);
      g.put("phones", phones);
      List<Map<String, Object>> addresses = new ArrayList<>();
      if (plan.nextDouble() < 0.6) addresses.add(p.address().toMap());
      g.put("addresses", addresses);
      return g;
    }

    private int poisson(double lambda) {
      double l = Math.exp(-lambda);
      double p = 1;
      int k = 0;
      do {
        k++;
        p *= plan.nextDouble();
      } while (p > l);
      return k - 1;
    }

    // ---- risk feed ------------------------------------------------------------------------------------------

    private void emitRisk(List<Org> marketOrgs) {
      List<Entity> subjects = new ArrayList<>();
      for (Entity e : customers) {
        if (plan.nextDouble() < (e instanceof Org ? ORG_RISK_RATE : PERSON_RISK_RATE)) subjects.add(e);
      }
      subjects.addAll(marketOrgs);
      shuffle(subjects);
      for (int i = 0; i < subjects.size(); i++) {
        Entity e = subjects.get(i);
        Map<String, Object> r = identityShell(Dataset.RISK, "R-" + (500_001 + i), e, randomInstant(DAY * 365));
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) r.get("attributes");
        boolean troubled = e.credit().overdueDays() > 0;
        if (e instanceof Org o) {
          r.put("orgName", o.legalName());
          r.put("taxId", o.taxId());
          if (plan.nextDouble() < 0.7) addresses(r).add(o.address().toMap());
          a.put("litigationCount", plan.nextDouble() < (troubled ? 0.6 : 0.2) ? 1 + (int) (Math.pow(plan.nextDouble(), 2) * 40) : 0);
          a.put("enforcementCount", plan.nextDouble() < (troubled ? 0.4 : 0.08) ? 1 + plan.nextInt(10) : 0);
          a.put("registeredCapital", (1 + (long) (Math.pow(plan.nextDouble(), 3) * 5_000)) * 100_000L);
          a.put("actualController", o.controller());
        } else {
          Person p = (Person) e;
          r.put("givenName", p.given());
          r.put("familyName", p.family());
          r.put("nationalId", p.nationalId());
          r.put("birthDate", p.birthDate().toString());
          a.put("litigationCount", plan.nextDouble() < 0.3 ? 1 + plan.nextInt(5) : 0);
          a.put("enforcementCount", plan.nextDouble() < 0.15 ? 1 + plan.nextInt(3) : 0);
        }
        a.put("debtFlag", plan.nextDouble() < (troubled ? 0.5 : 0.05));
        a.put("overdueFlag", plan.nextDouble() < (troubled ? 0.6 : 0.03));
        errors.apply(r, e, salt(3, i));
        emit(Dataset.RISK, r, e.id());
      }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Map<String, Object> identityShell(String source, String sourceId, Entity e, String updatedAt) {
      Map<String, Object> r = new LinkedHashMap<>(32);
      r.put("source", source);
      r.put("sourceId", sourceId);
      r.put("kind", e instanceof Person ? "person" : "organization");
      r.put("updatedAt", updatedAt);
      r.put("deleted", false);
      r.put("givenName", null);
      r.put("familyName", null);
      r.put("fullName", null);
      r.put("orgName", null);
      r.put("taxId", null);
      r.put("nationalId", null);
      r.put("birthDate", null);
      r.put("emails", new ArrayList<String>());
      r.put("phones", new ArrayList<String>());
      r.put("addresses", new ArrayList<Map<String, Object>>());
      r.put("links", new ArrayList<Map<String, Object>>());
      r.put("attributes", new LinkedHashMap<String, Object>());
      return r;
    }

    private String randomInstant(long withinLast) {
      long span = withinLast > 0 ? withinLast : WINDOW;
      return Format.instant(asOf - (long) (plan.nextDouble() * span));
    }

    private long salt(int sourceIndex, int position) {
      return ((long) sourceIndex << 40) | position;
    }

    private void emit(String source, Map<String, Object> record, String entityId) {
      counts.merge(source, 1, Integer::sum);
      if (entityId != null) identityRecords++;
      sink.accept(source, record, entityId);
    }

    private <T> void shuffle(List<T> list) {
      for (int i = list.size() - 1; i > 0; i--) {
        int j = plan.nextInt(i + 1);
        T t = list.get(i);
        list.set(i, list.get(j));
        list.set(j, t);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<String, Object> r, String field) {
    return (List<String>) r.get(field);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> addresses(Map<String, Object> r) {
    return (List<Map<String, Object>>) r.get("addresses");
  }
}
