package io.customerhub.ingest;

import io.customerhub.record.Kind;
import io.customerhub.record.MissingValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.customerhub.record.FieldNames.key;

/**
 * A record's fields under the names other systems and data sets give them ({@code first_name}, {@code surname},
 * {@code dob}, {@code ssn}, a {@code unique_id} or {@code rec_id} of a record without {@code sourceId}; an
 * address's {@code zip}, {@code street}, {@code state}; a {@code city} and {@code postcode} at the top level of a
 * record without addresses), read as the canonical record's, each with a warning: a feed sent as its columns are
 * named still gets its customers compared, instead of every name landing among the attributes and an address
 * losing its postcode in silence. A name the record also carries in its canonical field is left as it is, and a
 * source mapping ({@code conf/sources}) still renames first.
 */
public final class FieldAliases {

  /**
   * Splink's first and last name without the middle ones: the whole name only where the record gives no fuller one
   * ({@code full_name}), whichever comes first.
   */
  private static final String FIRST_AND_SURNAME = "firstandsurname";
  /** Other names (as {@code FieldNames.key} writes them) of the canonical top-level fields. */
  private static final Map<String, String> TOP_LEVEL = Map.ofEntries(
      Map.entry("id", "sourceId"), Map.entry("uniqueid", "sourceId"), Map.entry("recordid", "sourceId"),
      Map.entry("recid", "sourceId"), Map.entry("firstname", "givenName"), Map.entry("forename", "givenName"),
      Map.entry("fname", "givenName"), Map.entry("fnamec1", "givenName"), Map.entry("lnamec1", "familyName"),
      Map.entry("lastname", "familyName"), Map.entry("surname", "familyName"), Map.entry("lname", "familyName"),
      Map.entry("familyname", "familyName"), Map.entry("givenname", "givenName"), Map.entry("fullname", "fullName"),
      Map.entry(FIRST_AND_SURNAME, "fullName"),
      Map.entry("dob", "birthDate"), Map.entry("dateofbirth", "birthDate"), Map.entry("birthdate", "birthDate"),
      Map.entry("birthday", "birthDate"), Map.entry("emailaddress", "email"), Map.entry("phonenumber", "phone"),
      Map.entry("phonenum", "phone"), Map.entry("phoneno", "phone"),
      Map.entry("telephone", "phone"), Map.entry("mobile", "phone"), Map.entry("ssn", "nationalId"),
      Map.entry("socsecid", "nationalId"), Map.entry("nationalid", "nationalId"), Map.entry("companyname", "orgName"),
      Map.entry("company", "orgName"), Map.entry("orgname", "orgName"), Map.entry("organisationname", "orgName"),
      Map.entry("organizationname", "orgName"), Map.entry("taxid", "taxId"), Map.entry("vatnumber", "taxId"));
  /**
   * A second part of a name in a field of its own, which goes after the first: a middle name after the given name,
   * and R's RecordLinkage data sets' second given and family name components.
   */
  private static final Map<String, String> SECOND_PARTS = Map.of("middlename", "givenName", "midlname", "givenName",
      "middleinitial", "givenName", "middle", "givenName", "fnamec2", "givenName", "lnamec2", "familyName");
  /** A birth date's year, month and day in fields of their own (also RecordLinkage's by, bm, bd). */
  private static final List<String> BIRTH_PARTS = List.of("birthyear", "birthmonth", "birthday");
  private static final List<String> SHORT_BIRTH_PARTS = List.of("by", "bm", "bd");
  /** The fields of an address in the canonical record. */
  static final List<String> ADDRESS_FIELDS = List.of("line1", "line2", "city", "region", "postcode", "country");
  /** Not a field of its own: a house number goes before the street of {@code line1}. */
  private static final String HOUSE_NUMBER = "houseNumber";
  /** Other names of an address's fields (as {@code FieldNames.key} writes them). */
  private static final Map<String, String> ADDRESS = Map.ofEntries(Map.entry("street", "line1"),
      Map.entry("street1", "line1"), Map.entry("streetaddress", "line1"), Map.entry("address1", "line1"),
      Map.entry("addressline1", "line1"), Map.entry("street2", "line2"), Map.entry("address2", "line2"),
      Map.entry("addressline2", "line2"), Map.entry("town", "city"), Map.entry("suburb", "city"),
      Map.entry("locality", "city"), Map.entry("state", "region"), Map.entry("province", "region"),
      Map.entry("county", "region"), Map.entry("zip", "postcode"), Map.entry("zipcode", "postcode"),
      Map.entry("postalcode", "postcode"), Map.entry("countrycode", "country"),
      Map.entry("housenumber", HOUSE_NUMBER), Map.entry("streetnumber", HOUSE_NUMBER),
      Map.entry("number", HOUSE_NUMBER), Map.entry("streetname", "line1"), Map.entry("unitnumber", "line2"),
      Map.entry("apartment", "line2"), Map.entry("apartmentnumber", "line2"), Map.entry("aptnumber", "line2"),
      // a voter roll's residence columns (North Carolina's res_street_address, res_city_desc, state_cd)
      Map.entry("resstreetaddress", "line1"), Map.entry("rescitydesc", "city"), Map.entry("citydesc", "city"),
      Map.entry("statecd", "region"), Map.entry("statecode", "region"));

  private FieldAliases() {
  }

  /**
   * {@code json} with its aliased top-level fields under their canonical names (a copy; the input itself when there
   * are none), a warning per field read so. Fields of an address at the top level of a record without addresses
   * become its address ({@code number} alone is too vague there to be a house number).
   */
  /** The canonical field a top-level field of this name is read as ({@code rec_id}: sourceId), or null. */
  public static String aliasOf(String name) {
    return TOP_LEVEL.get(key(name));
  }

  static JsonObject canonical(JsonObject json, Kind defaultKind, List<String> warnings) {
    // most records arrive in canonical form: they take no pass over their names at all
    if (RecordDecoder.CANONICAL_FIELDS.containsAll(json.fieldNames())) return json;
    // "name" alone is a person's whole name, or an organization's where the record or its source says it is one
    Kind kind = json.getValue("kind") instanceof String k ? Kind.fromWire(k).orElse(defaultKind) : defaultKind;
    String wholeName = kind == Kind.ORGANIZATION ? "orgName" : "fullName";
    JsonObject out = null;
    JsonObject address = null;
    List<String> addressFields = new ArrayList<>();
    boolean hasAddresses = json.getValue("addresses") != null || json.getValue("address") != null;
    // beside a birth year of its own, a "birth_day" is the day of the month, not the date
    boolean yearApart = json.fieldNames().stream().anyMatch(n -> key(n).equals(BIRTH_PARTS.get(0)));
    boolean fullerName = json.fieldNames().stream().anyMatch(n -> n.equals("fullName") || key(n).equals("fullname"));
    for (String name : json.fieldNames()) {
      if (RecordDecoder.CANONICAL_FIELDS.contains(name) || json.getValue(name) == null) continue;
      String key = key(name);
      String canonical = key.equals("name") ? wholeName
          : yearApart && key.equals(BIRTH_PARTS.get(2)) || fullerName && key.equals(FIRST_AND_SURNAME) ? null
          : TOP_LEVEL.get(key);
      if (canonical != null && json.getValue(canonical) == null && (out == null || out.getValue(canonical) == null)) {
        if (out == null) out = json.copy();
        out.put(canonical, out.remove(name));
        warnings.add(name + ": read as " + canonical);
        continue;
      }
      String part = ADDRESS_FIELDS.contains(name) ? name : key.equals("number") ? null
          : ADDRESS.getOrDefault(key, isPostcode(key) ? "postcode" : null);
      if (part != null && !hasAddresses && (address == null || !address.containsKey(part))) {
        if (out == null) out = json.copy();
        if (address == null) address = new JsonObject();
        address.put(part, out.remove(name));
        addressFields.add(name);
      }
    }
    if (address != null) {
      out.put("addresses", new JsonArray().add(address));
      warnings.add(String.join(", ", addressFields) + ": read as the record's address");
    }
    return withSecondParts(birthDateOfParts(out == null ? json : out, json, warnings), warnings);
  }

  /**
   * Second parts of names in fields of their own ({@code middle_name}, the voter rolls' {@code midl_name},
   * RecordLinkage's {@code fname_c2}) after the first, where the matcher reads them (John Michael meets John, and
   * J. M.); the canonical record has no field for them.
   */
  private static JsonObject withSecondParts(JsonObject record, List<String> warnings) {
    JsonObject out = record;
    for (String name : record.fieldNames()) {
      String target = SECOND_PARTS.get(key(name));
      if (target == null || !(record.getValue(name) instanceof String second)) continue;
      Object firstValue = out.getValue(target);
      if (firstValue != null && !(firstValue instanceof String)) continue; // the decoder says what is wrong
      if (out == record) out = record.copy();
      out.remove(name);
      String first = firstValue == null ? "" : ((String) firstValue).strip();
      // R writes a missing value as NA, and in a second name's slot that is what it is
      if (!second.isBlank() && !MissingValues.inText(second.strip()) && !second.strip().equals("NA")) {
        out.put(target, first.isEmpty() ? second.strip() : first + " " + second.strip());
      }
      warnings.add(name + ": read as part of " + target);
    }
    return out;
  }

  /**
   * A birth date in parts ({@code birth_year}, {@code birth_month}, {@code birth_day}, as registers and census
   * extracts keep it) as one {@code birthDate} (1840, 1840-03 or 1840-03-07), for a record without one; the parts
   * as written, for the decoder to read or warn of.
   */
  private static JsonObject birthDateOfParts(JsonObject record, JsonObject input, List<String> warnings) {
    if (record.getValue("birthDate") != null) return record;
    String[] names = new String[3];
    for (String name : input.fieldNames()) {
      Object v = input.getValue(name);
      int part = BIRTH_PARTS.indexOf(key(name));
      // the short names only where they hold a number: "by" may be who made a record
      if (part < 0 && (v instanceof Number || v instanceof String s && s.strip().matches("\\d{1,4}"))) {
        part = SHORT_BIRTH_PARTS.indexOf(key(name));
      }
      if (part >= 0 && v != null && names[part] == null) names[part] = name;
    }
    if (names[0] == null) return record;
    JsonObject out = record == input ? input.copy() : record;
    StringBuilder date = new StringBuilder(text(out.remove(names[0])));
    for (int i = 1; i < 3 && names[i] != null && !date.isEmpty(); i++) {
      String part = text(out.remove(names[i]));
      if (part.isEmpty() || MissingValues.inText(part) || part.equalsIgnoreCase("NA")) break; // the year still counts
      date.append('-').append(part.length() == 1 ? "0" + part : part);
    }
    for (int i = 1; i < 3; i++) if (names[i] != null) out.remove(names[i]);
    if (!date.isEmpty()) out.put("birthDate", date.toString());
    warnings.add(String.join(", ", Arrays.stream(names).filter(Objects::nonNull).toList()) + ": read as birthDate");
    return out;
  }

  private static String text(Object v) {
    if (v instanceof Number n) return RecordDecoder.plain(n);
    return v == null ? "" : v.toString().strip();
  }

  /**
   * The address with its fields under their canonical names (the input itself when they all are): other systems'
   * names read as the canonical ones, a house number of its own put before the street, any other field left out;
   * each with a warning naming it under {@code path}.
   */
  static JsonObject address(JsonObject given, String path, List<String> warnings) {
    if (ADDRESS_FIELDS.containsAll(given.fieldNames())) return given;
    JsonObject a = new JsonObject();
    for (String f : ADDRESS_FIELDS) if (given.getValue(f) != null) a.put(f, given.getValue(f));
    List<String> left = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (String name : given.fieldNames()) {
      Object v = given.getValue(name);
      if (ADDRESS_FIELDS.contains(name) || v == null) continue;
      String canonical = ADDRESS.get(key(name));
      if (HOUSE_NUMBER.equals(canonical) && (v instanceof String || v instanceof Number)) {
        numbers.add(name);
      } else if (canonical == null || HOUSE_NUMBER.equals(canonical) || a.getValue(canonical) != null) {
        left.add(name);
      } else {
        a.put(canonical, v);
        warnings.add(path + "." + name + ": read as " + canonical);
      }
    }
    // the number goes before the street, whichever field the street came in
    for (String name : numbers) {
      Object v = given.getValue(name);
      String number = (v instanceof Number n ? RecordDecoder.plain(n) : (String) v).strip();
      String line = a.getValue("line1") instanceof String l ? l.strip() : "";
      if (!number.isEmpty()) a.put("line1", line.isEmpty() ? number : number + " " + line);
      warnings.add(path + "." + name + ": read as the house number of line1");
    }
    if (!left.isEmpty()) {
      warnings.add(path + "." + String.join(", ", left.stream().sorted().toList()) + ": not "
          + (left.size() == 1 ? "a field" : "fields") + " of an address; left out");
    }
    return a;
  }

  /** A name that says postcode in more words ({@code billing_zipcode}, Splink's {@code postcode_fake}). */
  private static boolean isPostcode(String key) {
    return key.contains("postcode") || key.contains("zipcode") || key.contains("postalcode");
  }
}
