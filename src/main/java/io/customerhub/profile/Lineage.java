package io.customerhub.profile;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds per-attribute lineage from member records, and re-derives it for one side of a split. */
public final class Lineage {

  private Lineage() {
  }

  /** As {@link #fromMembers(List, SurvivorshipRules, NameKnowledge)}, knowing nothing of names. */
  public static Map<String, AttributeLineage> fromMembers(List<CanonicalRecord> members, SurvivorshipRules rules) {
    return fromMembers(members, rules, NameKnowledge.NONE);
  }

  /**
   * Every candidate value of every member (deleted members offer nothing; a member that gives only a full name
   * offers the given and family name it holds where they can be told, and one that swapped them, as other members
   * show, offers them exchanged: {@link NameParts}), then survivorship
   * per attribute, each value backed by what the members' other values say of it ({@link Corroboration}).
   */
  public static Map<String, AttributeLineage> fromMembers(List<CanonicalRecord> members, SurvivorshipRules rules,
                                                          NameKnowledge knowledge) {
    Map<String, List<Candidate>> byAttribute = new LinkedHashMap<>();
    List<CanonicalRecord> live = members.stream().filter(r -> !r.deleted()).toList();
    List<NameParts.Parts> names = NameParts.offered(live, knowledge);
    for (int i = 0; i < live.size(); i++) {
      CanonicalRecord r = live.get(i);
      for (String name : Golden.SINGLE) {
        if (!name.equals("givenName") && !name.equals("familyName")) add(byAttribute, name, r, single(r, name), null);
      }
      NameParts.Parts parts = names.get(i);
      if (parts != null) {
        add(byAttribute, "givenName", r, parts.given(), fieldUnless("givenName", parts.givenFrom()));
        add(byAttribute, "familyName", r, parts.family(), fieldUnless("familyName", parts.familyFrom()));
      }
      r.emails().forEach(e -> add(byAttribute, "emails", r, e, null));
      r.phones().forEach(p -> add(byAttribute, "phones", r, p, null));
      r.addresses().stream().filter(a -> !a.isEmpty())
          .forEach(a -> add(byAttribute, "addresses", r, JsonValues.address(a), null));
      r.attributes().forEach((k, v) -> add(byAttribute, Golden.ATTRIBUTE_PREFIX + k, r, JsonValues.plain(v), null));
    }
    return choose(byAttribute, rules, knowledge);
  }

  /** As {@link #restrict(Map, Set, SurvivorshipRules, NameKnowledge)}, knowing nothing of names. */
  public static Map<String, AttributeLineage> restrict(Map<String, AttributeLineage> lineage, Set<SourceKey> keep,
                                                       SurvivorshipRules rules) {
    return restrict(lineage, keep, rules, NameKnowledge.NONE);
  }

  /**
   * The lineage as if only the given records were members: what each side of a split gets back. Because the
   * candidates keep their record and timestamp, this equals assembling that side from its records alone.
   */
  public static Map<String, AttributeLineage> restrict(Map<String, AttributeLineage> lineage, Set<SourceKey> keep,
                                                       SurvivorshipRules rules, NameKnowledge names) {
    Map<String, List<Candidate>> byAttribute = new LinkedHashMap<>();
    lineage.forEach((name, l) -> byAttribute.put(name, new ArrayList<>(l.candidatesFrom(keep))));
    return choose(byAttribute, rules, names);
  }

  /** The rule named in the lineage of a value a steward set by hand. */
  public static final String OVERRIDE_RULE = "steward-override";

  /**
   * The lineage with the values a steward set by hand in place of survivorship's choice; every candidate is kept,
   * so removing the override gives survivorship's choice back.
   */
  public static Map<String, AttributeLineage> overridden(Map<String, AttributeLineage> lineage,
                                                         Map<String, Object> overrides) {
    if (overrides.isEmpty()) return lineage;
    Map<String, AttributeLineage> out = new TreeMap<>(lineage);
    overrides.forEach((name, value) -> {
      AttributeLineage was = lineage.get(name);
      out.put(name, new AttributeLineage(OVERRIDE_RULE, value, List.of(), was == null ? List.of() : was.candidates()));
    });
    return out;
  }

  private static Map<String, AttributeLineage> choose(Map<String, List<Candidate>> byAttribute,
                                                      SurvivorshipRules rules, NameKnowledge names) {
    // one record cannot disagree with itself: most profiles hold one, and assembling them is on ingest's path
    boolean several = severalRecords(byAttribute);
    Map<String, Survivorship.Evidence> evidence = several ? Corroboration.of(byAttribute, names) : Map.of();
    Map<String, AttributeLineage> out = new TreeMap<>();
    byAttribute.forEach((name, candidates) -> {
      if (!name.equals("fullName")) choose(out, name, candidates, rules, evidence.get(name));
    });
    // the full name last: of those that disagree, one that spells the golden given and family name goes first
    List<Candidate> fullNames = byAttribute.get("fullName");
    if (fullNames != null) {
      Survivorship.Evidence e = evidence.getOrDefault("fullName", Survivorship.Evidence.NONE);
      if (several) e = e.refuting(Corroboration.fullNamesNotSpelling(chosen(out, "givenName"),
          chosen(out, "familyName"), fullNames));
      choose(out, "fullName", fullNames, rules, e);
    }
    return out;
  }

  private static void choose(Map<String, AttributeLineage> out, String name, List<Candidate> candidates,
                             SurvivorshipRules rules, Survivorship.Evidence evidence) {
    AttributeLineage l = Survivorship.choose(name, rules.ruleFor(name), candidates,
        evidence == null ? Survivorship.Evidence.NONE : evidence);
    if (!l.candidates().isEmpty()) out.put(name, l);
  }

  private static Object chosen(Map<String, AttributeLineage> lineage, String name) {
    AttributeLineage l = lineage.get(name);
    return l == null ? null : l.chosen();
  }

  private static boolean severalRecords(Map<String, List<Candidate>> byAttribute) {
    SourceKey first = null;
    for (List<Candidate> candidates : byAttribute.values()) {
      for (Candidate c : candidates) {
        if (first == null) first = c.record();
        else if (!first.equals(c.record())) return true;
      }
    }
    return false;
  }

  /** {@code from}, the record's field a value came from, where it is not the attribute itself; else null. */
  private static String fieldUnless(String attribute, String from) {
    return attribute.equals(from) ? null : from;
  }

  private static void add(Map<String, List<Candidate>> byAttribute, String name, CanonicalRecord r, Object value,
                          String field) {
    if (value == null || (value instanceof String s && s.isBlank())) return;
    Object v = value instanceof String s ? s.strip() : value;
    byAttribute.computeIfAbsent(name, k -> new ArrayList<>()).add(new Candidate(r.key(), r.updatedAt(), v, field));
  }

  private static String single(CanonicalRecord r, String name) {
    return switch (name) {
      case "givenName" -> r.givenName();
      case "familyName" -> r.familyName();
      case "fullName" -> r.fullName();
      case "orgName" -> r.orgName();
      case "taxId" -> r.taxId();
      case "nationalId" -> r.nationalId();
      case "birthDate" -> r.birthDate();
      default -> throw new IllegalArgumentException(name);
    };
  }
}
