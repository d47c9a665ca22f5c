package io.customerhub.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A record's fields under the names other systems and data sets give them ({@code first_name}, {@code surname},
 * {@code dob}, {@code ssn}, a {@code city} and {@code postcode} of their own), read as the canonical record's, each
 * with a warning: a feed sent as its columns are named still gets its customers compared, instead of every name
 * landing among the attributes. A name the record also carries in its canonical field is left as it is (the
 * decoder keeps it among the attributes), and a source mapping ({@code conf/sources}) still renames first.
 */
final class FieldAliases {

  /** Other names (lower case, without '_', '-' and spaces) of the canonical top-level fields. */
  private static final Map<String, String> TOP_LEVEL = Map.ofEntries(
      Map.entry("firstname", "givenName"), Map.entry("forename", "givenName"), Map.entry("fname", "givenName"),
      Map.entry("lastname", "familyName"), Map.entry("surname", "familyName"), Map.entry("lname", "familyName"),
      Map.entry("familyname", "familyName"), Map.entry("givenname", "givenName"), Map.entry("fullname", "fullName"),
      Map.entry("dob", "birthDate"), Map.entry("dateofbirth", "birthDate"), Map.entry("birthdate", "birthDate"),
      Map.entry("birthday", "birthDate"), Map.entry("emailaddress", "email"), Map.entry("phonenumber", "phone"),
      Map.entry("telephone", "phone"), Map.entry("mobile", "phone"), Map.entry("ssn", "nationalId"),
      Map.entry("socsecid", "nationalId"), Map.entry("nationalid", "nationalId"), Map.entry("companyname", "orgName"),
      Map.entry("company", "orgName"), Map.entry("orgname", "orgName"), Map.entry("organisationname", "orgName"),
      Map.entry("organizationname", "orgName"), Map.entry("taxid", "taxId"), Map.entry("vatnumber", "taxId"));
  /** Top-level fields of an address, for a record that has no {@code addresses} of its own. */
  private static final Map<String, String> ADDRESS_PARTS = Map.ofEntries(
      Map.entry("line1", "line1"), Map.entry("street", "line1"), Map.entry("streetaddress", "line1"),
      Map.entry("address1", "line1"), Map.entry("line2", "line2"), Map.entry("address2", "line2"),
      Map.entry("city", "city"), Map.entry("town", "city"), Map.entry("suburb", "city"),
      Map.entry("region", "region"), Map.entry("state", "region"), Map.entry("postcode", "postcode"),
      Map.entry("zip", "postcode"), Map.entry("zipcode", "postcode"), Map.entry("postalcode", "postcode"),
      Map.entry("country", "country"), Map.entry("streetnumber", "houseNumber"), Map.entry("housenumber", "houseNumber"));

  private FieldAliases() {
  }

  /**
   * {@code json} with its aliased fields under their canonical names (a copy; the input itself when there are
   * none), a warning per field read so.
   */
  static JsonObject canonical(JsonObject json, List<String> warnings) {
    JsonObject out = null;
    JsonObject address = null;
    List<String> addressFields = new ArrayList<>();
    boolean hasAddresses = json.getValue("addresses") != null || json.getValue("address") != null;
    for (String name : json.fieldNames()) {
      if (RecordDecoder.CANONICAL_FIELDS.contains(name) || json.getValue(name) == null) continue;
      String key = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
      String canonical = TOP_LEVEL.get(key);
      if (canonical != null && json.getValue(canonical) == null && (out == null || out.getValue(canonical) == null)) {
        if (out == null) out = json.copy();
        out.put(canonical, out.remove(name));
        warnings.add(name + ": read as " + canonical);
        continue;
      }
      String part = ADDRESS_PARTS.get(key);
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
    return out == null ? json : out;
  }
}
