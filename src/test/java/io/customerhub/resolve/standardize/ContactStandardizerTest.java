package io.customerhub.resolve.standardize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContactStandardizerTest {

  private final ContactStandardizer cn = new ContactStandardizer("CN", false);

  @Test
  void emailsAreTrimmedLowerCasedAndValidated() {
    assertEquals("wei.zhang@example.com", cn.email("  Wei.Zhang@Example.COM "));
    assertEquals("a@b.cn", cn.email("mailto:a@b.cn"));
    assertEquals("wei@example.com", cn.email("ｗｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ"));
    assertNull(cn.email("not an email"));
    assertNull(cn.email("a@b"));
    assertNull(cn.email("a..b@example.com"));
    assertNull(cn.email("😀@example.com"));
    assertNull(cn.email(""));
    assertNull(cn.email(null));
  }

  @Test
  void gmailDotsStayUnlessConfigured() {
    assertEquals("wei.zhang+x@gmail.com", cn.email("Wei.Zhang+x@gmail.com"));
    ContactStandardizer strip = new ContactStandardizer("CN", true);
    assertEquals("weizhang@gmail.com", strip.email("Wei.Zhang+x@googlemail.com"));
    assertEquals("wei.zhang@example.com", strip.email("wei.zhang@example.com"));
  }

  @Test
  void phonesBecomeE164InTheDefaultRegion() {
    assertEquals("+8613800138000", cn.phone("+86 138 0013 8000"));
    assertEquals("+8613800138000", cn.phone("138-0013-8000"));
    assertEquals("+8613800138000", cn.phone("0086 13800138000"));
    assertEquals("+8613800138000", cn.phone("１３８００１３８０００"));
    assertEquals("+14155552671", cn.phone("+1 (415) 555-2671"));
    assertEquals("+14155552671", new ContactStandardizer("US", false).phone("(415) 555-2671"));
  }

  @Test
  void nationalNumbersAreReadInTheRecordsOwnCountry() {
    assertEquals("+12064731762", cn.phone("(206) 473-1762", "US"));
    assertEquals("+8613800138000", cn.phone("13800138000", "XX"), "unknown region: the default");
    assertEquals("+442075675205", cn.phone("020 7567 5205", "GB"));
  }

  @Test
  void aNumberNoNumberingPlanOfItsRegionKnowsIsComparedByItsDigits() {
    assertEquals("0412345678", cn.phone("0412 345 678"), "an Australian mobile in a hub whose default region is CN");
    assertEquals(cn.phone("0412 345 678"), cn.phone("0412-345-678"));
    assertEquals("+61412345678", cn.phone("0412 345 678", "AU"), "with its country it is E.164");
    assertEquals("+8613800138000", cn.phone("138-0013-8000"), "valid numbers are unchanged");
  }

  @Test
  void invalidPhonesAreDropped() {
    assertNull(cn.phone("12345"));
    assertNull(cn.phone("call me"));
    assertNull(cn.phone("😀"));
    assertNull(cn.phone(null));
  }

  @Test
  void identifiersLoseSeparatorsAndCase() {
    assertEquals("11010119900307001X", ContactStandardizer.identifier(" 110101-19900307-001x "));
    assertEquals("123456789", ContactStandardizer.identifier("123.456.789"));
    assertEquals("91110000MA01", ContactStandardizer.identifier("９１１１００００ｍａ０１"));
    assertNull(ContactStandardizer.identifier(" - . "));
    assertNull(ContactStandardizer.identifier(null));
  }

  @Test
  void birthDatesAreIsoOrPrefixes() {
    assertEquals("1990-03-07", ContactStandardizer.birthDate("1990-03-07"));
    assertEquals("1990-03-07", ContactStandardizer.birthDate("19900307"));
    assertEquals("1990-03-07", ContactStandardizer.birthDate("1990/3/7"));
    assertEquals("1990-03-07", ContactStandardizer.birthDate("１９９０－０３－０７"));
    assertEquals("1990-03-07", ContactStandardizer.birthDate("1990-03-07T00:00:00Z"));
    assertEquals("1990-03", ContactStandardizer.birthDate("1990-03"));
    assertEquals("1990", ContactStandardizer.birthDate("1990"));
  }

  @Test
  void aSwappedDayAndMonthIsKeptForTheComparator() {
    assertEquals("1990-25-03", ContactStandardizer.birthDate("1990-25-03"));
    // any other impossible month is unknown, beside the year and the day that still count
    assertEquals("1990-00-25", ContactStandardizer.birthDate("1990-25-25"));
    assertEquals("1990-00-03", ContactStandardizer.birthDate("1990-00-03"));
    assertEquals("1990-03", ContactStandardizer.birthDate("1990-03-45"));
    assertEquals("1990", ContactStandardizer.birthDate("1990-15-45"));
    assertNull(ContactStandardizer.birthDate("0001-01-01"));
    assertNull(ContactStandardizer.birthDate("1900-01-01"), "a placeholder");
    assertEquals("1630-08-01", ContactStandardizer.birthDate("1630-08-01"));
    assertEquals("0870-05-01", ContactStandardizer.birthDate("0870-05-01"));
    assertNull(ContactStandardizer.birthDate("yesterday"));
    assertNull(ContactStandardizer.birthDate(""));
  }
}
