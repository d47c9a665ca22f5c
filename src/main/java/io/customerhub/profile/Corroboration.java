package io.customerhub.profile;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.Latinizer;
import io.customerhub.resolve.standardize.Standardizer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * What a profile's records say of one another's values, for survivorship ({@link Survivorship.Evidence}):
 * <ul>
 *   <li>a Chinese resident identity number that passes its check backs the birth date written in it;</li>
 *   <li>a nickname backs the formal name another record gives (Bill backs William, not the other way round);</li>
 *   <li>a full name in hanzi backs its family name (the first character, two for a compound surname) as the
 *       family name and the rest as the given name: Chinese names are written family name first;</li>
 *   <li>any other full name backs each given or family name some record gives that is one of its words, or two or
 *       three of its words run together, unless other records give that word as the other name part: which part
 *       it is, such a full name does not say;</li>
 *   <li>where full names disagree, a record's given and family name back the one they spell together, in either
 *       order;</li>
 *   <li>where records disagree, a given name the nickname table knows (Michael) is likelier than one it does not
 *       (Miuke), an initial is less likely than the name it starts (W beside Wei), and a known given name that
 *       other records give as the given name is unlikely to be the family name (Thomas Jackson written as Jackson
 *       Thomas).</li>
 * </ul>
 * So two records that disagree are no longer a coin toss where a third record, or what is known of names, says
 * which is right. Computed from the candidates alone, so that a split side derives the same lineage from its own.
 */
final class Corroboration {

  private Corroboration() {
  }

  /** The evidence for each attribute; attributes without any are absent. */
  static Map<String, Survivorship.Evidence> of(Map<String, List<Candidate>> byAttribute, NameKnowledge names) {
    Set<String> given = forms("givenName", byAttribute);
    Set<String> family = forms("familyName", byAttribute);
    Map<String, Map<String, Map<SourceKey, String>>> votes = new HashMap<>();
    idsBackBirthDates(byAttribute, votes);
    nicknamesBackFormalNames(byAttribute, names, given, votes);
    fullNamesBackNameParts(byAttribute, given, family, votes);
    namePartsBackFullNames(byAttribute, votes);
    Map<String, Survivorship.Evidence> out = new HashMap<>();
    votes.forEach((attribute, v) -> out.put(attribute, new Survivorship.Evidence(v, Map.of())));
    unlikelyNameParts(names, given, family, out);
    return out;
  }

  private static void idsBackBirthDates(Map<String, List<Candidate>> byAttribute,
                                        Map<String, Map<String, Map<SourceKey, String>>> votes) {
    for (Candidate id : byAttribute.getOrDefault("nationalId", List.of())) {
      String date = ValueChecks.birthDateOf(Normalize.form("nationalId", id.value()));
      if (date != null) back(votes, "birthDate", date, id.record(), "its national id " + id.value());
    }
  }

  private static void nicknamesBackFormalNames(Map<String, List<Candidate>> byAttribute, NameKnowledge names,
                                               Set<String> given,
                                               Map<String, Map<String, Map<SourceKey, String>>> votes) {
    for (Candidate c : byAttribute.getOrDefault("givenName", List.of())) {
      String form = Normalize.form("givenName", c.value());
      for (String formal : names.formalNames(form)) {
        if (!formal.equals(form) && given.contains(formal)) {
          back(votes, "givenName", formal, c.record(), nicknameGiven(c));
        }
      }
    }
  }

  /** How a record gave the nickname {@code c}: as its given name, or in another field it came from. */
  private static String nicknameGiven(Candidate c) {
    if (c.field() == null) return "its given name " + c.value() + ", a nickname";
    return switch (c.field()) {
      case "familyName" -> "its family name " + c.value() + ", a nickname (its name parts swapped)";
      case "fullName" -> "the given name " + c.value() + " in its full name, a nickname";
      default -> "its " + c.field() + " " + c.value() + ", a nickname";
    };
  }

  private static void fullNamesBackNameParts(Map<String, List<Candidate>> byAttribute, Set<String> given,
                                             Set<String> family,
                                             Map<String, Map<String, Map<SourceKey, String>>> votes) {
    for (Candidate c : byAttribute.getOrDefault("fullName", List.of())) {
      String full = c.value().toString();
      String how = "its full name " + full;
      Standardizer.FamilyFirstName familyFirst = Standardizer.familyFirstName(full);
      if (familyFirst != null) {
        backIf(votes, family, "familyName", Normalize.name(familyFirst.family()), c.record(), how);
        backIf(votes, given, "givenName", Normalize.name(familyFirst.given()), c.record(), how);
        continue;
      }
      for (String part : parts(full)) {
        if (given.contains(part) && family.contains(part)) continue;
        backIf(votes, given, "givenName", part, c.record(), how);
        backIf(votes, family, "familyName", part, c.record(), how);
      }
    }
  }

  /**
   * A record's given and family name back a full name that is the two together, in either order (Zhang Wei, Wei
   * Zhang, 张伟): of "Javier González" and "Javier Gonzálwz", the one the records' name parts spell.
   */
  private static void namePartsBackFullNames(Map<String, List<Candidate>> byAttribute,
                                             Map<String, Map<String, Map<SourceKey, String>>> votes) {
    Set<String> fullForms = forms("fullName", byAttribute);
    if (fullForms.size() < 2) return; // none, or every full name the same: nothing to decide, nothing to explain
    Map<SourceKey, Candidate> givenBy = firstByRecord(byAttribute.getOrDefault("givenName", List.of()));
    Map<SourceKey, Candidate> familyBy = firstByRecord(byAttribute.getOrDefault("familyName", List.of()));
    givenBy.forEach((record, g) -> {
      Candidate f = familyBy.get(record);
      if (f == null) return;
      String givenForm = Normalize.name(g.value().toString());
      String familyForm = Normalize.name(f.value().toString());
      String how = "its given name " + g.value() + " and family name " + f.value();
      backIf(votes, fullForms, "fullName", givenForm + familyForm, record, how);
      backIf(votes, fullForms, "fullName", familyForm + givenForm, record, how);
    });
  }

  /**
   * Of full names that disagree, those that do not spell the golden given and family name (each a word of it, or
   * two or three words run together) where another does: "Joey Clark" beside "Joseph Clark" once the given name is
   * Joseph, which the nickname Joey backs. The golden record then says one name throughout. Empty where none, or
   * every one, spells it.
   */
  static Map<String, String> fullNamesNotSpelling(Object given, Object family, List<Candidate> fullNames) {
    if (given == null || family == null || fullNames.size() < 2) return Map.of();
    String givenForm = Normalize.name(given.toString());
    String familyForm = Normalize.name(family.toString());
    Map<String, Boolean> spells = new HashMap<>();
    for (Candidate c : fullNames) {
      spells.computeIfAbsent(Normalize.form("fullName", c.value()), form -> {
        Set<String> parts = parts(c.value().toString());
        return parts.contains(givenForm) && parts.contains(familyForm);
      });
    }
    if (!spells.containsValue(true) || !spells.containsValue(false)) return Map.of();
    Map<String, String> out = new HashMap<>();
    String why = "does not spell the golden given and family name, " + given + " " + family;
    spells.forEach((form, spelled) -> {
      if (!spelled) out.put(form, why);
    });
    return out;
  }

  private static Map<SourceKey, Candidate> firstByRecord(List<Candidate> candidates) {
    Map<SourceKey, Candidate> out = new HashMap<>();
    for (Candidate c : candidates) out.putIfAbsent(c.record(), c);
    return out;
  }

  private static void unlikelyNameParts(NameKnowledge names, Set<String> given, Set<String> family,
                                        Map<String, Survivorship.Evidence> out) {
    Set<String> knownGiven = new HashSet<>();
    for (String g : given) if (!names.formalNames(g).isEmpty()) knownGiven.add(g);
    Map<String, String> unlikelyGiven = new HashMap<>();
    initials(given).forEach(i -> unlikelyGiven.put(i, "an initial"));
    if (!knownGiven.isEmpty()) {
      for (String g : given) {
        if (!knownGiven.contains(g)) unlikelyGiven.putIfAbsent(g, "not a given name the nickname table knows");
      }
      Map<String, String> swapped = new HashMap<>();
      for (String f : family) {
        if (knownGiven.contains(f)) swapped.put(f, "a given name, which other records give as the given name");
      }
      with(out, "familyName", swapped);
    }
    Map<String, String> unlikelyFamily = new HashMap<>(out.getOrDefault("familyName", Survivorship.Evidence.NONE)
        .doubts());
    Set<String> swappedParts = new HashSet<>(given);
    swappedParts.retainAll(family);
    if (!swappedParts.isEmpty()) {
      partsTheDataPlacesElsewhere(names, family, swappedParts, true).forEach(unlikelyFamily::putIfAbsent);
      partsTheDataPlacesElsewhere(names, given, swappedParts, false).forEach(unlikelyGiven::putIfAbsent);
    }
    rareSpellings(given, names::asGivenName, "given").forEach(unlikelyGiven::putIfAbsent);
    rareSpellings(family, names::asFamilyName, "family").forEach(unlikelyFamily::putIfAbsent);
    with(out, "familyName", unlikelyFamily);
    with(out, "givenName", unlikelyGiven);
  }

  /**
   * Of a name part's candidates, those the hub's records give for that part far less often than another candidate
   * (three times less, each count plus one): Anbderson beside Anderson, a typo beside the name it damaged. Two rare
   * spellings, which the hub has each seen once or twice, stay even: which is the typo, the counts do not say.
   */
  private static Map<String, String> rareSpellings(Set<String> candidates, ToLongFunction<String> count,
                                                   String part) {
    Map<String, String> out = new HashMap<>();
    if (candidates.size() < 2) return out;
    long most = 0;
    for (String c : candidates) most = Math.max(most, count.applyAsLong(c));
    for (String c : candidates) {
      long n = count.applyAsLong(c);
      if ((n + 1) * 3 <= most + 1) {
        out.put(c, String.format(Locale.ROOT, "%d of the hub's records give it as the %s name, %d another of these",
            n, part, most));
      }
    }
    return out;
  }

  /**
   * Of {@code candidates} for the family name ({@code asFamily}) or the given name, those that some records give as
   * the other part ({@code swapped}) and that the hub's records give as the other part more often, where another
   * candidate is more often this part: Zhu Haiyan swapped in one of two records. Shares are smoothed (one of each
   * added), so that a word the hub has not counted is even.
   */
  private static Map<String, String> partsTheDataPlacesElsewhere(NameKnowledge names, Set<String> candidates,
                                                                  Set<String> swapped, boolean asFamily) {
    Map<String, Double> share = new HashMap<>();
    double best = 0;
    for (String c : candidates) {
      double s = asFamily ? 1 - names.givenShare(c) : names.givenShare(c);
      share.put(c, s);
      best = Math.max(best, s);
    }
    Map<String, String> out = new HashMap<>();
    if (best <= 0.5) return out;
    for (String c : candidates) {
      if (!swapped.contains(c) || share.get(c) >= 0.5) continue;
      out.put(c, String.format(Locale.ROOT, "the hub's records give it as the %s name more often (%d as given, %d as"
          + " family name)", asFamily ? "given" : "family", names.asGivenName(c), names.asFamilyName(c)));
    }
    return out;
  }

  /** The forms that are one letter, the initial of a longer form among them (W beside Wei). */
  private static Set<String> initials(Set<String> forms) {
    Set<String> out = new HashSet<>();
    for (String f : forms) {
      if (f.length() != 1) continue;
      for (String other : forms) {
        if (other.length() > 1 && other.charAt(0) == f.charAt(0)) {
          out.add(f);
          break;
        }
      }
    }
    return out;
  }

  /** Each word of a full name in {@link Normalize#name} form, and each run of two or three words joined. */
  static Set<String> parts(String fullName) {
    Set<String> out = new HashSet<>();
    List<String> words = Latinizer.tokens(Latinizer.latin(fullName));
    for (int i = 0; i < words.size(); i++) {
      StringBuilder run = new StringBuilder();
      for (int j = i; j < Math.min(words.size(), i + 3); j++) out.add(run.append(words.get(j)).toString());
    }
    return out;
  }

  private static void with(Map<String, Survivorship.Evidence> out, String attribute, Map<String, String> unlikely) {
    if (unlikely.isEmpty()) return;
    Survivorship.Evidence was = out.getOrDefault(attribute, Survivorship.Evidence.NONE);
    out.put(attribute, new Survivorship.Evidence(was.backing(), unlikely));
  }

  private static Set<String> forms(String attribute, Map<String, List<Candidate>> byAttribute) {
    Set<String> out = Normalize.forms(attribute, byAttribute.getOrDefault(attribute, List.of()));
    out.remove("");
    return out;
  }

  private static void backIf(Map<String, Map<String, Map<SourceKey, String>>> votes, Set<String> offered,
                             String attribute, String form, SourceKey record, String how) {
    if (offered.contains(form)) back(votes, attribute, form, record, how);
  }

  /** Records that {@code record} backs {@code form} of {@code attribute} through {@code how} (the first reason). */
  private static void back(Map<String, Map<String, Map<SourceKey, String>>> votes, String attribute, String form,
                           SourceKey record, String how) {
    votes.computeIfAbsent(attribute, a -> new HashMap<>()).computeIfAbsent(form, f -> new HashMap<>())
        .putIfAbsent(record, how);
  }
}
