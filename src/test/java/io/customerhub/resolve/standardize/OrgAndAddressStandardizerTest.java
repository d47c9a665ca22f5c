package io.customerhub.resolve.standardize;

import io.customerhub.record.Address;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OrgAndAddressStandardizerTest {

  private final OrgStandardizer orgs = new OrgStandardizer();
  private final AddressStandardizer addresses = new AddressStandardizer();

  @Test
  void legalFormsAreRemovedInManyLanguages() {
    assertEquals("acme maoyi", orgs.organization("Acme Trading Co., Ltd."));
    assertEquals("acme maoyi", orgs.organization("ACME TRADING LIMITED"));
    assertEquals("siemens", orgs.organization("Siemens AG"));
    assertEquals("muller bau", orgs.organization("Müller Bau GmbH"));
    assertEquals("carrefour", orgs.organization("Carrefour S.A."));
    assertEquals("acme", orgs.organization("The Acme Inc."));
    assertEquals("globex", orgs.organization("Globex LLC"));
    assertEquals("limited", orgs.organization("Limited"));
  }

  @Test
  void hanziOrganizationsMatchTheirPinyin() {
    assertEquals("bei jing ke ji", orgs.organization("北京科技有限公司"));
    assertEquals("bei jing ke ji", orgs.organization("北京科技股份有限公司"));
    assertEquals("hua wei ji shu", orgs.organization("华为技术(深圳)有限公司"));
    assertEquals("hai er", orgs.organization("海尔集团"));
    assertEquals("beijing keji", orgs.organization("Beijing Keji Youxian Gongsi"));
    assertEquals("beijing keji", orgs.organization("Beijing Keji Youxiangongsi"));
    assertEquals("beijing keji", orgs.organization("Beijing Keji Co., Ltd."));
  }

  @Test
  void tradeWordsAndLeadingCitiesBridgeEnglishAndChineseNames() {
    assertEquals("beijing haiyi keji", orgs.organization("Beijing Haiyi Technology Co., Ltd."));
    assertEquals("bei jing hai yi ke ji", orgs.organization("北京海一科技有限公司"));
    assertEquals("hengke xinxi jishu", orgs.organization("Hengke Information Technology Ltd"));
    assertEquals("haiyikeji", OrgStandardizer.core("beijinghaiyikeji"));
    assertEquals("beijingkeji", OrgStandardizer.core("beijingkeji"), "too short to lose the city");
  }

  @Test
  void emptyOrganizationsAreNull() {
    assertNull(orgs.organization(null));
    assertNull(orgs.organization("  "));
    assertNull(orgs.organization("😀"));
  }

  @Test
  void streetTypesAreUnifiedAcrossScripts() {
    assertEquals(List.of("8", "jianguo", "rd"), AddressStandardizer.lineTokens("8 Jianguo Road"));
    // a German or Dutch street written as one word, whole or shortened, is one street
    assertEquals(List.of("industrie", "st", "4"), AddressStandardizer.lineTokens("Industriestraße 4"));
    assertEquals(List.of("industrie", "st", "4"), AddressStandardizer.lineTokens("Industriestr. 4"));
    assertEquals(List.of("industrie", "st", "4"), AddressStandardizer.lineTokens("INDUSTRIESTRASSE 4"));
    assertEquals(List.of("industrie", "st", "4"), AddressStandardizer.lineTokens("Industrie Str. 4"));
    assertEquals(List.of("kerk", "st", "12"), AddressStandardizer.lineTokens("Kerkstraat 12"));
    assertEquals(List.of("astr", "9"), AddressStandardizer.lineTokens("Astr 9"));
    assertEquals(List.of("12", "main", "st"), AddressStandardizer.lineTokens("12 Main Street"));
    assertEquals(List.of("8", "jianguo", "rd"), AddressStandardizer.lineTokens("No. 8, Jianguo Rd."));
    assertEquals(List.of("jianguo", "rd", "8"), AddressStandardizer.lineTokens("建国路8号"));
    assertEquals(List.of("jianguo", "rd", "8"), AddressStandardizer.lineTokens("建国路８号"));
    assertEquals(List.of("12", "main", "st", "unit", "3"), AddressStandardizer.lineTokens("12 Main Street, Apt 3"));
    // 号楼 is a building (3号楼, building 3); 楼 alone is a floor
    assertEquals(List.of("3", "bldg", "402", "rm"), AddressStandardizer.lineTokens("3号楼402室"));
    assertEquals(List.of("5", "fl"), AddressStandardizer.lineTokens("5楼"));
  }

  @Test
  void addressPartsAreNormalized() {
    StandardAddress a = addresses.address(new Address("8 Jianguo Rd", null, "北京市", "BJ", "100 022", "cn"));
    assertEquals(new StandardAddress("8 jianguo rd", "beijing", "bj", "100022", "CN"), a);
    assertEquals("8", a.houseNumber());
    assertEquals("SW1A1AA", AddressStandardizer.postcode("sw1a 1aa"));
    assertNull(addresses.address(new Address(null, " ", null, null, null, null)));
  }
}
