package io.customerhub.profile;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.WireRecords;
import io.customerhub.testing.WireRecords.Rec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;


import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.customerhub.testing.WireRecords.at;
import static io.customerhub.testing.WireRecords.international;
import static io.customerhub.testing.WireRecords.organization;
import static io.customerhub.testing.WireRecords.person;
import static io.customerhub.testing.WireRecords.uniqueEmail;
import static io.customerhub.testing.WireRecords.uniqueId;
import static io.customerhub.testing.WireRecords.uniqueMobile;
import static io.customerhub.testing.WireRecords.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The golden record of a company known to CRM and ERP, after their two profiles merged: each attribute follows its
 * rule in conf/profile.json (ERP wins legal name and tax id even though CRM wrote last, CRM wins contact data and
 * preferences, the fullest address wins, unlisted attributes go to the newest record), and {@code ?lineage=true}
 * shows every candidate value with the record and time it came from. One flat written in hanzi by one system and
 * in pinyin by another is one golden address.
 */
class SurvivorshipIT extends OneHubPerClass {

  /** One company as each system describes it; CRM's record is the newest. */
  private record Company(Rec crm, Rec erp, String survivor) {
  }

  /**
   * CRM knows the trade name, a hyphenated tax id, the contacts and the preferences; ERP first knows only billing
   * facts (so it starts as a profile of its own), then its next version adds the legal name, the tax id and a link
   * to the CRM record, which merges the two profiles.
   */
  private static Company mergedCompany() {
    String name = uniqueName();
    String taxDigits = uniqueMobile().substring(3);
    Rec crm = organization("crm", uniqueId("C")).set("orgName", name + " Trading")
        .set("taxId", "91110108-" + taxDigits + "X").emails(uniqueEmail("sales")).phones(international(uniqueMobile()))
        .address(uniqueNumber() + " " + uniqueName() + " Rd", "Beijing", null)
        .attribute("consent", "email-only").attribute("segment", "smb").attribute("industry", "retail")
        .updatedAt(at(30));
    Rec erpBilling = organization("erp", uniqueId("K")).emails(uniqueEmail("billing"))
        .set("addresses", new JsonArray().add(new JsonObject().put("line1", "Room 1203, " + uniqueNumber() + " "
            + uniqueName() + " Ave").put("line2", "Tower B").put("city", "Beijing").put("region", "BJ")
            .put("postcode", "100020").put("country", "CN")))
        .attribute("creditLimit", 80000).attribute("segment", "enterprise").attribute("industry", "wholesale")
        .updatedAt(at(0));
    String crmProfile = hub.accept(crm).getString("profileId");
    String erpProfile = hub.accept(erpBilling).getString("profileId");
    assertNotEquals(crmProfile, erpProfile, "nothing ties the two records together yet");

    Rec erp = erpBilling.copy().set("orgName", "Beijing " + name + " Trading Co., Ltd.").set("taxId", "91110108"
        + taxDigits + "X").link(crm.source(), crm.sourceId()).updatedAt(at(10));
    String survivor = hub.accept(erp).getString("profileId");
    assertEquals(crmProfile, survivor, "the older profile survives");
    Response mergedAway = hub.profileResponse(erpProfile);
    assertEquals(308, mergedAway.status(), mergedAway::toString);
    return new Company(crm, erp, survivor);
  }

  @Test
  void eachGoldenAttributeFollowsItsRuleAfterTheMerge() {
    Company c = mergedCompany();

    JsonObject profile = hub.profile(c.survivor());

    assertEquals(List.of(HubTestNode.key(c.crm()), HubTestNode.key(c.erp())), HubTestNode.recordKeys(profile));
    assertEquals(c.erp().json().getString("orgName"), profile.getString("orgName"), "ERP: legal name");
    assertEquals(c.erp().json().getString("taxId"), profile.getString("taxId"), "ERP: tax id as ERP writes it");
    assertEquals(List.of(email(c.crm()), email(c.erp())), profile.getJsonArray("emails").getList(),
        "the union, CRM's first");
    assertEquals(c.crm().json().getJsonArray("phones"), profile.getJsonArray("phones"));
    assertEquals(c.erp().json().getJsonArray("addresses").getJsonObject(0),
        profile.getJsonArray("addresses").getJsonObject(0), "the fullest address first");
    assertEquals(2, profile.getJsonArray("addresses").size(), "both addresses are kept");
    JsonObject attributes = profile.getJsonObject("attributes");
    assertEquals("email-only", attributes.getString("consent"), "CRM: contact preferences");
    assertEquals("smb", attributes.getString("segment"), "CRM: segment, although ERP says otherwise");
    assertEquals(80000, attributes.getInteger("creditLimit"), "ERP: credit");
    assertEquals("retail", attributes.getString("industry"), "no rule: the newest record (CRM)");
    assertFalse(profile.getJsonArray("riskTags").encode().contains("DATA_CONFLICT"),
        "'91110108-…X' and '91110108…X' are one tax id: " + profile.getJsonArray("riskTags").encode());
    assertNull(profile.getValue("lineage"), "lineage only on request");
  }

  @Test
  void lineageShowsEveryCandidateWithItsRecordAndTimeAndTheRuleThatChose() {
    Company c = mergedCompany();

    Response r = hub.get("/api/v1/profiles/" + c.survivor() + "?lineage=true", hub.adminToken());

    assertEquals(200, r.status(), r::toString);
    JsonObject lineage = r.json().getJsonObject("lineage");
    assertLineage(lineage, "orgName", "source_priority", c.erp(), List.of(c.erp(), c.crm()));
    assertLineage(lineage, "taxId", "source_priority", c.erp(), List.of(c.erp(), c.crm()));
    assertLineage(lineage, "attributes.segment", "source_priority", c.crm(), List.of(c.crm(), c.erp()));
    assertLineage(lineage, "attributes.industry", "most_recent", c.crm(), List.of(c.crm(), c.erp()));
    assertLineage(lineage, "attributes.consent", "source_priority", c.crm(), List.of(c.crm()));
    assertLineage(lineage, "attributes.creditLimit", "source_priority", c.erp(), List.of(c.erp()));
    JsonObject emails = lineage.getJsonObject("emails");
    assertEquals("source_priority", emails.getString("rule"));
    assertEquals(List.of(email(c.crm()), email(c.erp())), emails.getJsonArray("value").getList());
    assertEquals(new JsonArray().add(key(c.crm())).add(key(c.erp())), emails.getJsonArray("from"));
    assertEquals(new JsonArray().add(candidate(c.crm(), email(c.crm()))).add(candidate(c.erp(), email(c.erp()))),
        emails.getJsonArray("candidates"));
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private static int uniqueNumber() {
    return ThreadLocalRandom.current().nextInt(1, 999);
  }

  private static String email(Rec r) {
    return r.json().getJsonArray("emails").getString(0);
  }

  /** The value a record offers for a lineage key: a canonical field or {@code attributes.x}. */
  private static Object offered(Rec r, String attribute) {
    JsonObject json = r.json();
    return attribute.startsWith("attributes.") ? json.getJsonObject("attributes").getValue(attribute.substring(11))
        : json.getValue(attribute);
  }

  private static JsonObject key(Rec r) {
    return new JsonObject().put("source", r.source()).put("sourceId", r.sourceId());
  }

  private static JsonObject candidate(Rec r, Object value) {
    return key(r).put("at", r.json().getString("updatedAt")).put("value", value);
  }

  /** A single-valued attribute: its rule, the winner and where it came from, and every candidate best first. */
  private static void assertLineage(JsonObject lineage, String attribute, String rule, Rec winner, List<Rec> order) {
    JsonObject l = lineage.getJsonObject(attribute);
    String where = attribute + ": " + l;
    assertEquals(rule, l.getString("rule"), where);
    assertEquals(offered(winner, attribute), l.getValue("value"), where);
    assertEquals(new JsonArray().add(key(winner)), l.getJsonArray("from"), where);
    JsonArray expected = new JsonArray();
    for (Rec r : order) expected.add(candidate(r, offered(r, attribute)));
    assertEquals(expected, l.getJsonArray("candidates"), where);
  }

  @Test
  void oneFlatWrittenInHanziByTheCrmAndInPinyinByTheErpIsOneGoldenAddress() {
    int no = 1 + ThreadLocalRandom.current().nextInt(900);
    String postcode = String.valueOf(100_000 + ThreadLocalRandom.current().nextInt(800_000));
    Rec crm = person("crm", uniqueId("C")).set("fullName", "张伟")
        .emails(uniqueEmail("zw")).set("addresses", new JsonArray().add(new JsonObject().put("line1", "建国路" + no + "号")
            .put("line2", "3号楼402室").put("city", "北京市").put("region", "北京市").put("postcode", postcode)
            .put("country", "CN"))).updatedAt(at(5));
    Rec erp = person("erp", uniqueId("K")).name("Wei", "Zhang")
        .set("addresses", new JsonArray().add(new JsonObject().put("line1", no + " Jianguo Lu")
            .put("line2", "Bldg 3, Rm 402").put("city", "Beijing").put("region", "BJ").put("postcode", postcode)
            .put("country", "CN"))).link(crm.source(), crm.sourceId()).updatedAt(at(0));
    hub.accept(crm);
    String profileId = hub.accept(erp).getString("profileId");

    JsonObject profile = hub.profile(profileId);
    JsonObject lineage = hub.get("/api/v1/profiles/" + profileId + "?lineage=true", hub.adminToken()).json();

    assertEquals(2, HubTestNode.recordKeys(profile).size(), profile::encode);
    assertEquals(1, profile.getJsonArray("addresses").size(), profile::encode);
    assertEquals(2, lineage.getJsonObject("lineage").getJsonObject("addresses").getJsonArray("candidates").size(),
        "both ways of writing it stay in the lineage");
  }

  @Test
  void theFormalNameAndTheIdThatPassesItsCheckWinAndTheLineageSaysWhy() {
    String id = WireRecords.residentId("11010119900307" + (100 + ThreadLocalRandom.current().nextInt(900)));
    String mistyped = id.substring(0, 16) + (char) ('0' + (id.charAt(16) - '0' + 1) % 10) + id.charAt(17);
    String family = uniqueName();
    // CRM is newer and comes first, but says Bob (a nickname, conf/nicknames.txt) and has the id with a typo
    Rec crm = person("crm", uniqueId("C")).name("Bob", family).set("nationalId", mistyped).updatedAt(at(0));
    Rec erp = person("erp", uniqueId("K")).name("Robert", family).set("nationalId", id)
        .link(crm.source(), crm.sourceId()).updatedAt(at(30));
    hub.accept(crm);
    String profileId = hub.accept(erp).getString("profileId");

    JsonObject lineage = hub.get("/api/v1/profiles/" + profileId + "?lineage=true", hub.adminToken()).json()
        .getJsonObject("lineage");
    assertEquals("Robert", lineage.getJsonObject("givenName").getString("value"), lineage::encode);
    assertEquals(new JsonArray().add("2 records back it; " + crm.source() + ":" + crm.sourceId()
        + " through its given name Bob, a nickname"), lineage.getJsonObject("givenName").getJsonArray("why"));
    assertEquals(id, lineage.getJsonObject("nationalId").getString("value"), lineage::encode);
    assertEquals(new JsonArray().add("1 record backs it").add(mistyped + " lost: it fails the check of its format"),
        lineage.getJsonObject("nationalId").getJsonArray("why"));
    assertNull(lineage.getJsonObject("birthDate"), "no record gives a birth date: the id backs none into being");
    Response byKey = hub.get("/api/v1/profiles/by-key/" + crm.source() + "/" + crm.sourceId() + "?lineage=true",
        hub.adminToken());
    assertEquals(200, byKey.status(), byKey::toString);
    assertEquals(lineage, byKey.json().getJsonObject("lineage"), "by any source key, the same lineage");
  }

  @Test
  void aRecordThatSwappedTheNamePartsIsReadExchangedAndTheLineageSaysSo() {
    String given = uniqueName();
    String family = uniqueName();
    // the hub's own records teach it which word is which: four give the one as a given name, four the other as a
    // family name
    for (int i = 0; i < 4; i++) {
      hub.accept(person("crm", uniqueId("C")).name(given, uniqueName()));
      hub.accept(person("crm", uniqueId("C")).name(uniqueName(), family));
    }
    // CRM is newer and comes first, but swapped the two; ERP contradicts it
    Rec crm = person("crm", uniqueId("C")).name(family, given).updatedAt(at(0));
    Rec erp = person("erp", uniqueId("K")).name(given, family).link(crm.source(), crm.sourceId()).updatedAt(at(30));
    hub.accept(crm);
    String profileId = hub.accept(erp).getString("profileId");

    JsonObject profile = hub.profile(profileId);
    assertEquals(given, profile.getString("givenName"), profile::encode);
    assertEquals(family, profile.getString("familyName"), profile::encode);
    JsonObject lineage = hub.get("/api/v1/profiles/" + profileId + "?lineage=true", hub.adminToken()).json()
        .getJsonObject("lineage").getJsonObject("givenName");
    JsonObject fromCrm = lineage.getJsonArray("candidates").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("sourceId").equals(crm.sourceId())).findFirst().orElseThrow();
    assertEquals(given, fromCrm.getString("value"), lineage::encode);
    assertEquals("familyName", fromCrm.getString("field"), "CRM gave it as its family name");
    assertEquals(new JsonArray().add("2 records back it; " + crm.source() + ":" + crm.sourceId()
        + " through its family name, its name parts swapped"), lineage.getJsonArray("why"));
  }
}
