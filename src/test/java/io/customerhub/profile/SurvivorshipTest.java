package io.customerhub.profile;

import io.customerhub.profile.SurvivorshipRule.Strategy;
import io.customerhub.record.SourceKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.customerhub.profile.Records.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SurvivorshipTest {

  private static final SourceKey CRM = new SourceKey("crm", "C1");
  private static final SourceKey ERP = new SourceKey("erp", "E1");
  private static final SourceKey WEB = new SourceKey("web", "W1");

  @Test
  void mostRecentTakesTheNewestValue() {
    AttributeLineage l = Survivorship.choose("familyName", SurvivorshipRule.of(Strategy.MOST_RECENT), List.of(
        new Candidate(CRM, daysAgo(10), "Zhang"), new Candidate(ERP, daysAgo(1), "Chang")));
    assertEquals("Chang", l.chosen());
    assertEquals(List.of(ERP), l.chosenFrom());
    assertEquals("most_recent", l.rule());
  }

  /** A newborn's record written "Baby Girl" before she was named: the newest, yet no name to choose. */
  @Test
  void aPlaceholderForANameLosesToAnyRealName() {
    AttributeLineage l = Survivorship.choose("givenName", SurvivorshipRule.of(Strategy.MOST_RECENT), List.of(
        new Candidate(CRM, daysAgo(10), "Emma"), new Candidate(ERP, daysAgo(1), "BABY GIRL")));
    assertEquals("Emma", l.chosen());
  }

  @Test
  void sourcePriorityBeatsRecency() {
    AttributeLineage l = Survivorship.choose("orgName", SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "erp", "crm"),
        List.of(new Candidate(CRM, daysAgo(1), "ACME"), new Candidate(ERP, daysAgo(100), "ACME Trading Co., Ltd.")));
    assertEquals("ACME Trading Co., Ltd.", l.chosen());
  }

  @Test
  void sourcePriorityFallsBackToRecencyWithinOneSourceAndForUnlistedSources() {
    SurvivorshipRule rule = SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "erp");
    AttributeLineage l = Survivorship.choose("orgName", rule, List.of(
        new Candidate(CRM, daysAgo(1), "Newest but unlisted"), new Candidate(WEB, daysAgo(5), "Older unlisted")));
    assertEquals("Newest but unlisted", l.chosen());
  }

  @Test
  void mostCompleteTakesTheFullestValue() {
    AttributeLineage l = Survivorship.choose("fullName", SurvivorshipRule.of(Strategy.MOST_COMPLETE), List.of(
        new Candidate(CRM, daysAgo(1), "W. Zhang"), new Candidate(ERP, daysAgo(9), "Wei Zhang")));
    assertEquals("Wei Zhang", l.chosen());
  }

  @Test
  void mostCompleteAddressIsTheOneWithMoreFields() {
    Map<String, Object> partial = JsonValues.address(new io.customerhub.record.Address(
        "8 Jianguo Rd", null, "Beijing", null, null, null));
    Map<String, Object> full = JsonValues.address(new io.customerhub.record.Address(
        "8 Jianguo Rd", null, "Beijing", "BJ", "100022", "CN"));
    AttributeLineage l = Survivorship.choose("addresses", SurvivorshipRule.of(Strategy.MOST_COMPLETE), List.of(
        new Candidate(CRM, daysAgo(1), partial), new Candidate(ERP, daysAgo(9), full)));
    assertEquals(List.of(full), l.chosen(), "the partial one names the same place");
    assertEquals(2, l.candidates().size(), "both stay in the lineage");
  }

  @Test
  void oneAddressInHanziAndInPinyinIsOneGoldenAddress() {
    Map<String, Object> hanzi = JsonValues.address(new io.customerhub.record.Address(
        "建国路8号", "3号楼402室", "北京市", "北京", "100022", "CN"));
    Map<String, Object> pinyin = JsonValues.address(new io.customerhub.record.Address(
        "8 Jianguo Lu", "Bldg 3, Rm 402", "Beijing", "Beijing", "100022", "CN"));
    Map<String, Object> moved = JsonValues.address(new io.customerhub.record.Address(
        "8 Jianguo Lu", "Bldg 3, Rm 502", "Beijing", "Beijing", "100022", "CN"));
    AttributeLineage l = Survivorship.choose("addresses", SurvivorshipRule.of(Strategy.MOST_RECENT), List.of(
        new Candidate(CRM, daysAgo(1), hanzi), new Candidate(ERP, daysAgo(5), pinyin),
        new Candidate(WEB, daysAgo(9), moved)));
    assertEquals(List.of(hanzi, moved), l.chosen(), "the newest words for each place");
    assertEquals(List.of(CRM, WEB), l.chosenFrom());
    assertEquals(3, l.candidates().size());
  }

  @Test
  void mostFrequentCountsRecordsAgreeingOnTheStandardizedForm() {
    AttributeLineage l = Survivorship.choose("birthDate", SurvivorshipRule.of(Strategy.MOST_FREQUENT), List.of(
        new Candidate(CRM, daysAgo(9), "1990-03-07"), new Candidate(ERP, daysAgo(8), "1990-03-07"),
        new Candidate(WEB, daysAgo(1), "1990-07-03")));
    assertEquals("1990-03-07", l.chosen());
    assertEquals(3, l.candidates().size(), "losing candidates are kept");
  }

  @Test
  void mostFrequentTieGoesToTheNewest() {
    AttributeLineage l = Survivorship.choose("birthDate", SurvivorshipRule.of(Strategy.MOST_FREQUENT), List.of(
        new Candidate(CRM, daysAgo(9), "1990-03-07"), new Candidate(ERP, daysAgo(1), "1991-01-01")));
    assertEquals("1991-01-01", l.chosen());
  }

  @Test
  void multiValuedAttributesAreUnionsDeduplicatedByStandardizedForm() {
    AttributeLineage emails = Survivorship.choose("emails", SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "crm"),
        List.of(new Candidate(ERP, daysAgo(1), "Wei.Zhang@Example.com"), new Candidate(CRM, daysAgo(5),
            "wei.zhang@example.com"), new Candidate(ERP, daysAgo(1), "billing@acme.cn")));
    assertEquals(List.of("wei.zhang@example.com", "billing@acme.cn"), emails.chosen());
    assertEquals(List.of(CRM, ERP), emails.chosenFrom());
    assertEquals(3, emails.candidates().size());

    AttributeLineage phones = Survivorship.choose("phones", SurvivorshipRule.of(Strategy.MOST_RECENT), List.of(
        new Candidate(CRM, daysAgo(1), "+86 138 0013 8000"), new Candidate(ERP, daysAgo(2), "+86-138-0013-8000")));
    assertEquals(List.of("+86 138 0013 8000"), phones.chosen());
  }

  @Test
  void nullTimestampsNeverWinOnRecency() {
    AttributeLineage l = Survivorship.choose("givenName", SurvivorshipRule.of(Strategy.MOST_RECENT), List.of(
        new Candidate(CRM, null, "Undated"), new Candidate(ERP, daysAgo(300), "Dated")));
    assertEquals("Dated", l.chosen());
  }

  @Test
  void blankCandidatesAreIgnoredAndNoCandidateMeansNoValue() {
    AttributeLineage l = Survivorship.choose("givenName", SurvivorshipRule.of(Strategy.MOST_RECENT),
        List.of(new Candidate(CRM, daysAgo(1), "  ")));
    assertNull(l.chosen());
  }

  @Test
  void choiceDoesNotDependOnCandidateOrder() {
    List<Candidate> a = List.of(new Candidate(CRM, daysAgo(1), "X"), new Candidate(ERP, daysAgo(1), "Y"));
    List<Candidate> b = List.of(a.get(1), a.get(0));
    for (Strategy s : Strategy.values()) {
      SurvivorshipRule rule = SurvivorshipRule.of(s);
      assertEquals(Survivorship.choose("givenName", rule, a), Survivorship.choose("givenName", rule, b), s.name());
    }
  }

  @Test
  void aRecordsOwnValuesKeepItsOrderWhateverTheOrderOfTheRecords() {
    // the CRM lists its primary e-mail first; alphabetically it would come last
    List<Candidate> crm = List.of(new Candidate(CRM, daysAgo(1), "zhang.wei@corp.example"),
        new Candidate(CRM, daysAgo(1), "alpha@mail.example"));
    List<Candidate> erp = List.of(new Candidate(ERP, daysAgo(1), "wei@erp.example"));
    SurvivorshipRule rule = SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "crm", "erp");
    List<Candidate> crmFirst = new java.util.ArrayList<>(crm);
    crmFirst.addAll(erp);
    List<Candidate> erpFirst = new java.util.ArrayList<>(erp);
    erpFirst.addAll(crm);

    AttributeLineage l = Survivorship.choose("emails", rule, crmFirst);

    assertEquals(List.of("zhang.wei@corp.example", "alpha@mail.example", "wei@erp.example"), l.chosen());
    assertEquals(l, Survivorship.choose("emails", rule, erpFirst));
    assertEquals(List.of("zhang.wei@corp.example", "alpha@mail.example", "wei@erp.example"),
        Survivorship.choose("emails", SurvivorshipRule.of(Strategy.MOST_RECENT), erpFirst).chosen(),
        "equally recent: by record, then in each record's order");
  }

  // ---- evidence from the profile's other values (Corroboration) -------------------------------------------------

  private static final NameKnowledge BOB_IS_ROBERT =
      n -> n.equals("bob") || n.equals("robert") ? List.of("robert") : List.of();

  private static Map<String, AttributeLineage> lineage(NameKnowledge names, io.customerhub.record.CanonicalRecord... rs) {
    return Lineage.fromMembers(List.of(rs), SurvivorshipRules.defaults(), names);
  }

  @Test
  void aNicknameBacksTheFormalNameAnotherRecordGives() {
    var crm = Records.rec("crm", "C1", daysAgo(1)).name("Bob", "Smith").build();
    var erp = Records.rec("erp", "E1", daysAgo(9)).name("Robert", "Smith").build();
    AttributeLineage given = lineage(BOB_IS_ROBERT, crm, erp).get("givenName");
    assertEquals("Robert", given.chosen());
    assertEquals(List.of("2 records back it; crm:C1 through its given name Bob, a nickname"), given.why(),
        "the steward reads why");
    // without the nickname table the two are level, and CRM comes first
    assertEquals("Bob", lineage(NameKnowledge.NONE, crm, erp).get("givenName").chosen());
  }

  @Test
  void aValidResidentIdBeatsItsTypoAndSettlesTheBirthDate() {
    // 110101199003070011 passes its ISO 7064 check; one digit changed, it fails
    var crm = Records.rec("crm", "C1", daysAgo(1)).name("Wei", "Zhang").nationalId("110101199003070021")
        .birthDate("1990-07-03").build();
    var erp = Records.rec("erp", "E1", daysAgo(9)).name("Wei", "Zhang").birthDate("1990-03-07").build();
    var risk = Records.rec("risk", "R1", daysAgo(20)).name("Wei", "Zhang").nationalId("110101199003070011").build();
    Map<String, AttributeLineage> l = lineage(NameKnowledge.NONE, crm, erp, risk);
    assertEquals("110101199003070011", l.get("nationalId").chosen(), "as many records give each; one fails");
    assertEquals("1990-03-07", l.get("birthDate").chosen(), "the valid id backs ERP's date against CRM's");
    assertEquals(2, l.get("nationalId").candidates().size(), "the typo stays in the lineage");
    assertEquals(List.of("1 record backs it", "110101199003070021 lost: it fails the check of its format"),
        l.get("nationalId").why());
    assertEquals(List.of("2 records back it; risk:R1 through its national id 110101199003070011"),
        l.get("birthDate").why());
    assertEquals(List.of(), l.get("givenName").why(), "nothing to decide where every record agrees");
    var full = Records.rec("web", "W1", daysAgo(2)).name("Wei", "Zhang").fullName("Zhang Wei").build();
    assertEquals(List.of(), lineage(NameKnowledge.NONE, crm, full).get("givenName").why(),
        "agreeing records whose full names back them: still nothing decided");
  }

  @Test
  void aHanziFullNameSaysWhichPartIsTheFamilyName() {
    var crm = Records.rec("crm", "C1", daysAgo(1)).name("Zhu", "Haiyan").build();
    var erp = Records.rec("erp", "E1", daysAgo(9)).name("Haiyan", "Zhu").build();
    var other = Records.rec("erp", "E2", daysAgo(30)).fullName("朱海燕").build();
    Map<String, AttributeLineage> l = lineage(NameKnowledge.NONE, crm, erp, other);
    assertEquals("Haiyan", l.get("givenName").chosen());
    assertEquals("Zhu", l.get("familyName").chosen());
    // without it, the two orders are level and CRM's swapped one wins
    assertEquals("Zhu", lineage(NameKnowledge.NONE, crm, erp).get("givenName").chosen());
  }

  @Test
  void aKnownGivenNameIsNotTheFamilyNameWhereOtherRecordsGiveItAsTheGivenName() {
    NameKnowledge thomas = n -> n.equals("thomas") ? List.of("thomas") : List.of();
    var crm = Records.rec("crm", "C1", daysAgo(1)).name("Jackson", "Thomas").build();
    var erp = Records.rec("erp", "E1", daysAgo(9)).name("Thomas", "Jackson").build();
    Map<String, AttributeLineage> l = lineage(thomas, crm, erp);
    assertEquals("Thomas", l.get("givenName").chosen());
    assertEquals("Jackson", l.get("familyName").chosen());
    assertEquals(List.of("1 record backs it", "Thomas lost: a given name, which other records give as the given name"),
        l.get("familyName").why());
  }

  @Test
  void anIdReadWithALetterForADigitLosesUnderSourcePriority() {
    AttributeLineage l = Survivorship.choose("taxId", SurvivorshipRule.of(Strategy.SOURCE_PRIORITY, "erp", "crm"),
        List.of(new Candidate(ERP, daysAgo(1), "GB86149l326"), new Candidate(CRM, daysAgo(9), "GB861491326")));
    assertEquals("GB861491326", l.chosen());
  }

  @Test
  void theFullNameTheRecordsNamePartsSpellBeatsATypo() {
    var erp = Records.rec("erp", "E1", daysAgo(1)).name("Javier", "González").fullName("Javier Gonzálwz").build();
    var crm = Records.rec("crm", "C1", daysAgo(5)).name("Javier", "González").build();
    var old = Records.rec("erp", "E2", daysAgo(30)).name("Javier", "González").fullName("Javier González").build();
    AttributeLineage full = lineage(NameKnowledge.NONE, erp, crm, old).get("fullName");
    assertEquals("Javier González", full.chosen(), "the newer typo no longer wins by recency");
    assertEquals("3 records back it; crm:C1 through its given name Javier and family name González; erp:E1 through"
        + " its given name Javier and family name González", full.why().get(0));
    var agreeing = Records.rec("erp", "E5", daysAgo(1)).name("Javier", "González").fullName("Javier González").build();
    assertEquals(List.of(), lineage(NameKnowledge.NONE, agreeing, crm, old).get("fullName").why(),
        "every full name the same: the name parts decide nothing");
    var hanzi = Records.rec("crm", "C2", daysAgo(5)).name("芳", "陈").build();
    var pinyin = Records.rec("erp", "E3", daysAgo(1)).name("Fang", "Chen").fullName("Chern Fang").build();
    var han = Records.rec("erp", "E4", daysAgo(9)).fullName("陈芳").build();
    assertEquals("陈芳", lineage(NameKnowledge.NONE, hanzi, pinyin, han).get("fullName").chosen(),
        "names in either script and order spell the full name");
  }

  @Test
  void aFullNameThatDoesNotSpellTheGoldenNameLosesToOneThatDoes() {
    NameKnowledge joe = n -> switch (n) {
      case "joey", "joe", "joseph" -> List.of("joseph");
      default -> List.of();
    };
    var nick = Records.rec("erp", "E1", daysAgo(1)).name("Joey", "Clark").fullName("Joey Clark").build();
    var formal = Records.rec("erp", "E2", daysAgo(9)).name("Joseph", "Clark").fullName("Joseph Clark").build();
    var crm = Records.rec("crm", "C1", daysAgo(3)).name("Joe", "Clark").build();
    Map<String, AttributeLineage> l = lineage(joe, nick, formal, crm);
    assertEquals("Joseph", l.get("givenName").chosen());
    assertEquals("Joseph Clark", l.get("fullName").chosen(), "as many records spell each; one says the golden name");
    assertEquals("Joey Clark lost: it does not spell the golden given and family name, Joseph Clark",
        l.get("fullName").why().get(1));
    assertEquals("Joey Clark", lineage(NameKnowledge.NONE, nick, formal).get("fullName").chosen(),
        "where the given names are level, so are the full names: the newer wins");
  }

  @Test
  void aFullNameWithADigitLoses() {
    var erp = Records.rec("erp", "E1", daysAgo(1)).fullName("Michae1 Williams").build();
    var old = Records.rec("erp", "E2", daysAgo(9)).fullName("Michael Williams").build();
    assertEquals("Michael Williams", lineage(NameKnowledge.NONE, erp, old).get("fullName").chosen());
  }
}
