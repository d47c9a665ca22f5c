package io.customerhub.profile;

import io.customerhub.record.Address;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacesTest {

  private static final Function<Object, Object> SELF = v -> v;

  private static boolean same(Address a, Address b) {
    return Places.of(a).sameAs(Places.of(b));
  }

  @Test
  void hanziAndPinyinOfOneFlatAreOnePlace() {
    assertTrue(same(new Address("建国路8号", "3号楼402室", "北京市", "北京", "100022", "CN"),
        new Address("8 Jianguo Lu", "Bldg 3, Rm 402", "Beijing", "Beijing", "100022", "CN")));
    assertTrue(same(new Address("朝阳区建国路88号", null, "北京", null, "100022", "CN"),
        new Address("88 Jianguo Road, Chaoyang", null, "Beijing", null, "100 022", "cn")));
  }

  @Test
  void abbreviationsNumberMarkersCaseAndFullWidthDigitsDoNotMakeAnotherPlace() {
    assertTrue(same(new Address("8 Jianguo Road", null, "Beijing", null, null, null),
        new Address("No. 8 JIANGUO RD", null, "beijing", null, null, null)));
    assertTrue(same(new Address("12 Main Street", "Apartment 4B", "Springfield", "IL", "62704", "US"),
        new Address("12 Main St", "Apt 4B", "Springfield", "IL", "62704-", "US")));
    assertTrue(same(new Address("建国路８号", null, null, null, null, null),
        new Address("建国路8号", null, null, null, null, null)));
  }

  @Test
  void cityAndRegionAreWrittenInManyWaysSoOnePostcodeSettlesThem() {
    // as the demo's CRM and ERP write one flat in Chengdu (ICU reads 成都 chengdou)
    assertTrue(same(new Address("10 Huaihai Rd", null, "Chengdu", "SC", "610098", "CN"),
        new Address("淮海路10号", null, "成都市", "四川省", "610098", "CN")));
    assertFalse(same(new Address("12 Main St", null, "Springfield", "IL", null, "US"),
        new Address("12 Main St", null, "Springfield", "MA", null, "US")), "no postcode: the region decides");
    assertFalse(same(new Address("12 Main St", null, "Springfield", null, null, "US"),
        new Address("12 Main St", null, "Shelbyville", null, null, "US")), "no postcode: the city decides");
    assertTrue(same(new Address("12 Main St", null, "Springfield", "IL", null, "US"),
        new Address("12 Main St", null, "Springfield", null, "62704", "US")));
  }

  @Test
  void aHanziIcuReadsAnotherWayIsOneLetterApartAndStillOnePlace() {
    // 长 is chang in 长安 but ICU reads it zhang; 都 is du in 成都, ICU reads dou
    assertTrue(same(new Address("长安街33号", "15号楼2603室", "成都市", "四川省", "610466", "CN"),
        new Address("33 Chang'an Jie", "Bldg 15, Rm 2603", "Chengdu", "SC", "610466", "CN")));
    assertTrue(same(new Address("长安街33号", null, "成都市", null, null, "CN"),
        new Address("33 Chang'an Street", null, "Chengdu", null, null, "CN")), "the city one letter apart too");
    assertFalse(same(new Address("长安街33号", null, "成都市", null, "610466", "CN"),
        new Address("33 Chang'an Ave", null, "Chengdu", null, "610466", "CN")), "街 is a street, not an avenue");
    assertTrue(same(new Address("211 Victoira Road", null, "Manchester", "ENG", "M2 2JB", "GB"),
        new Address("211 Victoria Road", null, "Manchester", "ENG", "M2 2JB", "GB")), "two letters swapped");
    assertFalse(same(new Address("519 Renmin Td", null, "Nanjing", null, "210038", "CN"),
        new Address("519 Renmin Rd", null, "Nanjing", null, "210038", "CN")), "short words must be equal");
    assertFalse(same(new Address("34 Chang'an Ave", null, "Chengdu", null, "610466", "CN"),
        new Address("33 Chang'an Ave", null, "Chengdu", null, "610466", "CN")), "numbers must be equal");
    assertFalse(same(new Address("33 Zhongshan Rd", null, "Chengdu", null, "610466", "CN"),
        new Address("33 Zhongshan Rd East", null, "Chengdu", null, "610466", "CN")));
  }

  @Test
  void aFieldMissingOnOneSideAgreesAndADifferentOneDoesNot() {
    Address full = new Address("12 Main St", null, "Springfield", "IL", "62704", "US");
    assertTrue(same(full, new Address("12 Main St", null, null, null, null, null)));
    assertFalse(same(full, new Address("12 Main St", null, "Springfield", "MA", "01103", "US")),
        "the same street in another Springfield");
    assertFalse(same(full, new Address("12 Main St", null, "Springfield", "IL", "62704", "CA")));
  }

  @Test
  void anotherHouseFlatOrStreetIsAnotherPlace() {
    Address home = new Address("8 Jianguo Lu", "Bldg 3, Rm 402", "Beijing", null, "100022", "CN");
    assertFalse(same(home, new Address("8 Jianguo Lu", "Bldg 3, Rm 502", "Beijing", null, "100022", "CN")));
    assertFalse(same(home, new Address("9 Jianguo Lu", "Bldg 3, Rm 402", "Beijing", null, "100022", "CN")));
    assertFalse(same(home, new Address("8 Jianguo Lu", null, "Beijing", null, "100022", "CN")),
        "the building without the flat is not known to be the flat");
    assertFalse(same(home, new Address("8 Chaoyang Lu", "Bldg 3, Rm 402", "Beijing", null, "100022", "CN")));
  }

  @Test
  void anAddressWithoutAStreetLineHasNoPlaceAndIsKept() {
    Address cityOnly = new Address(null, null, "Beijing", null, "100022", "CN");
    assertNull(Places.of(cityOnly));
    List<Object> both = List.of(cityOnly, new Address(null, null, "北京", null, "100022", "CN"));
    assertEquals(both, Places.distinct(both, SELF), "left to the text forms, which keep both");
  }

  @Test
  void readsTheContractsMapShapeAsWellAsAddresses() {
    Address a = new Address("建国路8号", null, "北京市", null, "100022", "CN");
    assertEquals(Places.of(a), Places.of(JsonValues.address(a)));
    assertNull(Places.of("not an address"));
  }

  @Test
  void keepsTheFirstWordsOfEachPlaceInOrder() {
    Address pinyin = new Address("8 Jianguo Lu", null, "Beijing", null, "100022", "CN");
    Address other = new Address("1 Nanjing Rd", null, "Shanghai", null, "200001", "CN");
    Address hanzi = new Address("建国路8号", null, "北京市", null, "100022", "CN");
    assertEquals(List.of(pinyin, other), Places.distinct(List.of(pinyin, other, hanzi), SELF));
    assertEquals(List.of(hanzi, other), Places.distinct(List.of(hanzi, pinyin, other), SELF));
    List<Object> one = List.of(hanzi);
    assertSame(one, Places.distinct(one, SELF), "nothing to compare, nothing standardized");
  }

  /**
   * Property: over random address lists, the result keeps the first value and the order, and drops a value
   * only when a kept earlier value names the same place; no two kept values name one place, and no street line
   * is lost.
   */
  @Test
  void neverDropsAPlaceNoEarlierValueNames() {
    SplittableRandom rng = new SplittableRandom(7);
    String[] streets = {"Jianguo Lu", "Nanjing Road", "Main St", "Leopoldstraße", "建国路", "南京路"};
    String[] cities = {"Beijing", "北京", "Shanghai", null};
    for (int run = 0; run < 500; run++) {
      List<Object> in = new ArrayList<>();
      int n = 1 + rng.nextInt(6);
      for (int i = 0; i < n; i++) {
        String street = streets[rng.nextInt(streets.length)];
        int no = 1 + rng.nextInt(3);
        String line = street.codePointAt(0) > 0x2E80 ? street + no + "号" : no + " " + street;
        Address a = new Address(line, rng.nextBoolean() ? null : "Rm " + (100 + rng.nextInt(2)),
            cities[rng.nextInt(cities.length)], null, rng.nextBoolean() ? null : "1000" + rng.nextInt(2), "CN");
        if (!in.contains(a)) in.add(a); // equal texts are one value before places are compared (Survivorship)
      }
      List<Object> out = Places.distinct(in, SELF);
      assertEquals(in.get(0), out.get(0));
      List<Object> inOrder = new ArrayList<>(in);
      inOrder.retainAll(out);
      assertEquals(inOrder, out, "a subsequence of the input");
      for (Object dropped : in) {
        if (out.contains(dropped)) continue;
        int at = in.indexOf(dropped);
        assertTrue(out.stream().filter(k -> in.indexOf(k) < at)
            .anyMatch(k -> Places.of(k).sameAs(Places.of(dropped))), "dropped only for an earlier kept place");
      }
      for (int i = 0; i < out.size(); i++) {
        for (int j = i + 1; j < out.size(); j++) {
          assertFalse(Places.of(out.get(i)).sameAs(Places.of(out.get(j))), "each kept value names its own place");
        }
      }
      assertEquals(in.stream().map(a -> Places.of(a).lineTokens()).distinct().count(),
          out.stream().map(a -> Places.of(a).lineTokens()).distinct().count(), "every street line survives");
    }
  }
}
