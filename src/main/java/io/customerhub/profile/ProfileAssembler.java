package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;
import io.customerhub.risk.RiskContext;
import io.customerhub.risk.RiskEngine;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Computes a profile from its member records and orders: golden record by survivorship with lineage, order
 * aggregates, value tier and risk tags. Pure and thread-safe; one instance serves every profile.
 */
public final class ProfileAssembler {

  private final ProfileRules rules;
  private final OrderAggregator aggregator;
  private final Supplier<TierThresholds> thresholds;
  private final RiskEngine risk;

  /**
   * {@code thresholds} supplies the current population cut-offs for {@link #assemble(ProfileInput, Instant)}, e.g.
   * an {@code AtomicReference::get} that a periodic job refreshes from the stored 12-month values.
   */
  public ProfileAssembler(ProfileRules rules, Supplier<TierThresholds> thresholds) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    this.aggregator = new OrderAggregator(rules.orders());
    this.risk = new RiskEngine(rules.risk());
  }

  /** Tiers by the absolute floors only, until population thresholds are supplied. */
  public ProfileAssembler(ProfileRules rules) {
    this(rules, constant(TierThresholds.floorsOnly(rules.tiers())));
  }

  public ProfileAssembler() {
    this(ProfileRules.defaults());
  }

  public ProfileRules rules() {
    return rules;
  }

  /** Assembles with the thresholds of the supplier given at construction (the floors only by default). */
  public Profile assemble(ProfileInput input, Instant now) {
    return assemble(input, thresholds.get(), now);
  }

  /**
   * The profile of {@code input} as of {@code now}. {@code version} and {@code createdAt} come from the input
   * (the caller owns versioning); {@code updatedAt} is {@code now}. Risk tags keep their {@code since} and the
   * history continues from {@code input.previous()}. Time-based rules (dormant, new customer, windows) depend on
   * {@code now}, so callers reassess profiles periodically, not only when a record arrives.
   */
  public Profile assemble(ProfileInput input, TierThresholds thresholds, Instant now) {
    List<CanonicalRecord> members = input.members() == null ? List.of() : input.members();
    // by key: the store reads orders in no particular order, and evidence listing them must not change with it
    List<OrderFact> orders = input.orders() == null ? List.of()
        : input.orders().stream().sorted(Comparator.comparing(OrderFact::key)).toList();
    Map<String, AttributeLineage> lineage = Lineage.overridden(
        Lineage.fromMembers(members, rules.survivorship(), rules.names()), input.overrides());
    OrderAggregates aggregates = aggregator.aggregate(orders, now);
    List<SourceKey> keys = members.stream().map(CanonicalRecord::key).distinct().sorted().toList();
    Profile previous = input.previous();
    RiskEngine.Assessment assessment = risk.assess(new RiskContext(members, orders, aggregates, lineage, now),
        previous == null ? List.of() : previous.riskTags(), previous == null ? List.of() : previous.riskHistory());
    return new Profile(input.profileId(), input.version(), kind(members),
        input.createdAt() == null ? now : input.createdAt(), now, keys, Golden.fromLineage(lineage), lineage,
        aggregates, thresholds.tierFor(aggregates), assessment.tags(), assessment.history());
  }

  /**
   * The lineage of a profile with these members (sorted by source key, as {@link #assemble} gets them). It is a
   * function of the members alone, so it is derived again when asked for instead of being stored.
   */
  public Map<String, AttributeLineage> lineage(List<CanonicalRecord> members, Map<String, Object> overrides) {
    return Lineage.overridden(Lineage.fromMembers(members, rules.survivorship(), rules.names()), overrides);
  }

  private static Supplier<TierThresholds> constant(TierThresholds t) {
    return () -> t;
  }

  /**
   * An organization when any live member describes one (a company with a contact person stays a company);
   * otherwise a person, which includes guests known only from their orders.
   */
  private static String kind(List<CanonicalRecord> members) {
    boolean org = members.stream().anyMatch(r -> !r.deleted() && r.kind() == Kind.ORGANIZATION);
    return org ? Kind.ORGANIZATION.wire() : Kind.PERSON.wire();
  }
}
