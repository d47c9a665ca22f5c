package io.customerhub.resolve.standardize;

import io.customerhub.record.FieldNames;
import io.customerhub.record.MissingValues;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A person's gender and occupation, read from the record's {@code attributes}: the canonical record has no field
 * for them, but CRMs keep a gender or salutation, registers an occupation, and a source mapped to canonical
 * records carries them there. Both are evidence EM weighs like any field: a different gender is strong evidence
 * of two people, a rare shared occupation ("botanist") good evidence of one. Attribute names are matched however
 * a feed spells them ({@code Birth Place}, {@code birthPlace}, {@code birth_place}); a value no rule reads (a code
 * such as "1", "unknown") counts as missing.
 */
final class TraitStandardizer {

  /** Names as {@link FieldNames#key} writes them: "birthplace" is also "birthPlace", "Birth Place", "birth_place". */
  static final List<String> GENDER_ATTRIBUTES = List.of("gender", "sex", "sexcode", "gendercode");
  static final List<String> OCCUPATION_ATTRIBUTES = List.of("occupation", "profession", "jobtitle", "job");
  static final List<String> BIRTH_PLACE_ATTRIBUTES = List.of("birthplace", "placeofbirth");
  /** Longer text is a description, not an occupation or a place to compare. */
  static final int MAX_TEXT = 80;

  private static final Set<String> MALE = Set.of("m", "male", "man", "masculine", "mr", "herr", "homme", "hombre",
      "masculino", "masculin", "maennlich", "mannlich", "男", "男性");
  private static final Set<String> FEMALE = Set.of("f", "female", "woman", "w", "feminine", "mrs", "ms", "miss",
      "frau", "femme", "mujer", "femenino", "feminin", "weiblich", "女", "女性");

  /** Attributes that hold a form of address (a CRM's salutation), which tells a gender where none is given. */
  static final List<String> SALUTATION_ATTRIBUTES = List.of("salutation", "title", "nametitle", "honorific",
      "prefix", "nameprefix", "anrede", "civilite");

  private TraitStandardizer() {
  }

  /**
   * "m", "f", or null when the record says neither: its gender attribute, else its salutation attribute, else the
   * form of address dropped from its name ({@code fromName}: "Mrs Ann Berg", a given name "Mr", 张伟先生).
   */
  static String gender(Map<String, Object> attributes, String fromName) {
    String g = code(text(attributes, GENDER_ATTRIBUTES));
    if (g == null) g = salutation(text(attributes, SALUTATION_ATTRIBUTES));
    return g != null ? g : fromName;
  }

  private static String code(String raw) {
    if (raw == null) return null;
    String v = raw.toLowerCase(Locale.ROOT).replace(".", "").replace("ä", "ae").strip();
    return MALE.contains(v) ? "m" : FEMALE.contains(v) ? "f" : null;
  }

  /**
   * The gender a salutation says: words that are all forms of address ({@link NameWords}) and say one gender
   * ("Mrs.", "Herr Dr."). Not "Mr & Mrs", nor a job title ("Sales Manager").
   */
  private static String salutation(String raw) {
    if (raw == null) return null;
    String gender = null;
    for (String word : Latinizer.tokens(Latinizer.latin(raw))) {
      if (!NameWords.isFormOfAddress(word)) return null;
      String g = NameWords.genderOf(word);
      if (g != null && gender != null && !g.equals(gender)) return null;
      if (g != null) gender = g;
    }
    return gender;
  }

  /** The occupation as lower-case ASCII words ("naval officer"), or null. */
  static String occupation(Map<String, Object> attributes) {
    String raw = text(attributes, OCCUPATION_ATTRIBUTES);
    if (raw == null || raw.length() > MAX_TEXT) return null;
    return Latinizer.join(Latinizer.tokens(Latinizer.latin(raw)));
  }

  /**
   * Where the person was born, as written ({@code birth_place}: registers, Wikidata's persons), or null. A place of
   * birth never changes, so the matcher compares it as a town where the record has no town of its own.
   */
  static String birthPlace(Map<String, Object> attributes) {
    String raw = text(attributes, BIRTH_PLACE_ATTRIBUTES);
    return raw == null || raw.length() > MAX_TEXT ? null : raw.strip();
  }

  /**
   * The text value under the first of {@code names} that has one (a list's first text item); null when there is
   * none. One pass over the attributes, each name normalized once.
   */
  private static String text(Map<String, Object> attributes, List<String> names) {
    if (attributes == null || attributes.isEmpty()) return null;
    String found = null;
    int foundRank = names.size();
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      int rank = names.indexOf(FieldNames.key(e.getKey()));
      if (rank < 0 || rank >= foundRank) continue;
      Object v = e.getValue();
      if (v instanceof List<?> list) v = list.isEmpty() ? null : list.get(0);
      if (v instanceof String s && !s.isBlank() && !MissingValues.inText(s.strip())) {
        found = Latinizer.nfkc(s);
        foundRank = rank;
      }
    }
    return found;
  }
}
