package io.customerhub.ingest;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateOrdersTest {

  private static final SourceMapping UNDECLARED = SourceMapping.canonicalOnly("shop");

  private static String line(String birthDate) {
    return "{\"sourceId\":\"1\",\"givenName\":\"Ann\",\"birthDate\":\"" + birthDate + "\",\"email\":\"a.b@x.com\"}";
  }

  @Test
  void aDateWhoseSecondNumberIsNoMonthTeachesMonthFirstForTheSourcesLaterRequests() {
    DateOrders orders = new DateOrders();
    assertFalse(monthFirst(orders, "shop", UNDECLARED, List.of(line("07/04/1980"))), "nothing tells yet: day first");
    assertNull(orders.decided("shop", UNDECLARED));
    assertTrue(monthFirst(orders, "shop", UNDECLARED, List.of(line("07/04/1980"), line("12/31/1975"))));
    assertNotNull(orders.decided("shop", UNDECLARED));
    assertTrue(monthFirst(orders, "shop", UNDECLARED, List.of()), "remembered");
    assertFalse(monthFirst(orders, "other", UNDECLARED, List.of(line("07/04/1980"))), "per source");
  }

  @Test
  void aDateWhoseFirstNumberIsNoMonthDecidesDayFirst() {
    DateOrders orders = new DateOrders();
    assertFalse(monthFirst(orders, "shop", UNDECLARED, List.of(line("31.12.1975"), line("04/07/1980"))));
    assertNotNull(orders.decided("shop", UNDECLARED));
    assertFalse(monthFirst(orders, "shop", UNDECLARED, List.of(line("12/31/1975"))), "decided: not learned again");
  }

  @Test
  void aSourceThatWritesBothOrdersStaysDayFirst() {
    DateOrders orders = new DateOrders();
    assertFalse(monthFirst(orders, "shop", UNDECLARED, List.of(line("31/12/1975"), line("12/31/1975"))));
    assertNotNull(orders.decided("shop", UNDECLARED));
  }

  @Test
  void isoDatesVersionsAndDecimalsTellNothing() {
    DateOrders orders = new DateOrders();
    assertFalse(monthFirst(orders, "shop", UNDECLARED, List.of(line("1980-12-31"), "{\"v\":\"1.13.2024\"}",
        "{\"amount\":\"3.14.1592\"}")));
    assertNull(orders.decided("shop", UNDECLARED));
  }

  @Test
  void aSourceThatShowsNoSuchDateForLongIsDecidedDayFirst() {
    DateOrders orders = new DateOrders();
    monthFirst(orders, "shop", UNDECLARED, Collections.nCopies(DateOrders.SCAN_LIMIT, line("1980-12-31")));
    assertNotNull(orders.decided("shop", UNDECLARED));
  }

  @Test
  void theMappingsWordWins() {
    DateOrders orders = new DateOrders();
    SourceMapping dayFirst = new SourceMapping("eu", null, null, Map.of(), false, true);
    assertFalse(monthFirst(orders, "eu", dayFirst, List.of(line("12/31/1975"))));
    assertNotNull(orders.decided("eu", dayFirst));
  }

  @Test
  void onlyAnOrderTheDatesShowedIsOneToKeep() {
    DateOrders orders = new DateOrders();
    monthFirst(orders, "us", UNDECLARED, List.of(line("12/31/1975")));
    assertEquals(Boolean.TRUE, orders.shown("us"));
    monthFirst(orders, "eu", UNDECLARED, List.of(line("31/12/1975")));
    assertEquals(Boolean.FALSE, orders.shown("eu"));
    monthFirst(orders, "both", UNDECLARED, List.of(line("31/12/1975"), line("12/31/1975")));
    assertEquals(Boolean.FALSE, orders.shown("both"), "both orders shown: day first, each date by itself");
    monthFirst(orders, "iso", UNDECLARED, Collections.nCopies(DateOrders.SCAN_LIMIT, line("1980-12-31")));
    assertNotNull(orders.decided("iso", UNDECLARED));
    assertNull(orders.shown("iso"), "day first for want of a telling date: a restart may still learn");
    monthFirst(orders, "quiet", UNDECLARED, List.of(line("07/04/1980")));
    assertNull(orders.shown("quiet"));
  }

  @Test
  void anAdoptedOrderIsReadFromThenOnAndReplacesWhatTheNodeHad() {
    DateOrders orders = new DateOrders();
    orders.adopt("shop", true);
    assertEquals(Boolean.TRUE, orders.decided("shop", UNDECLARED));
    assertTrue(monthFirst(orders, "shop", UNDECLARED, List.of(line("07/04/1980"))));
    monthFirst(orders, "eu", UNDECLARED, List.of(line("31/12/1975")));
    orders.adopt("eu", true);
    assertTrue(monthFirst(orders, "eu", UNDECLARED, List.of(line("04/07/1980"))), "the stored order wins");
  }

  @Test
  void learningSaysWhenARequestWasReadDayFirstOnlyForWantOfKnowing() {
    DateOrders orders = new DateOrders();
    DateOrders.Learned forNow = orders.learn("shop", UNDECLARED, List.of(line("07/04/1980")));
    assertNull(forNow.monthFirst(), "undecided: day first for now");
    assertTrue(forNow.eitherWay(), "07/04/1980 reads either way");
    assertFalse(orders.learn("quiet", UNDECLARED, List.of(line("1980-07-04"))).eitherWay(), "the year first tells");
    assertEquals(Boolean.TRUE, orders.learn("shop", UNDECLARED, List.of(line("12/31/1975"))).monthFirst());
    assertEquals(Boolean.FALSE, orders.learn("eu", UNDECLARED, List.of(line("31/12/1975"))).monthFirst(),
        "decided, not for now");
    assertEquals(Boolean.FALSE,
        orders.learn("iso", UNDECLARED, Collections.nCopies(DateOrders.SCAN_LIMIT, line("1980-12-31"))).monthFirst(),
        "nothing told in the scan limit: decided day first");
  }

  @Test
  void onlyADateWhoseDayAndMonthCouldSwapReadsEitherWay() {
    assertTrue(DateOrders.readsEitherWay(line("07/04/1980")));
    assertTrue(DateOrders.readsEitherWay(line("7-4-1980")));
    assertTrue(DateOrders.readsEitherWay(line("1980-12-31").replace("}", ",\"since\":\"01/02/2003\"}")),
        "any of the input's dates");
    assertFalse(DateOrders.readsEitherWay(line("12/31/1975")), "31 is no month");
    assertFalse(DateOrders.readsEitherWay(line("31/12/1975")));
    assertFalse(DateOrders.readsEitherWay(line("1980-07-04")), "the year first tells");
    assertFalse(DateOrders.readsEitherWay(line("00/04/1980")), "no day or month 0");
    assertFalse(DateOrders.readsEitherWay("{\"version\":\"1.07.04.1980\"}"), "inside a dotted number");
    assertFalse(DateOrders.readsEitherWay(null));
  }

  /** How {@code orders} reads the source's dates in a request of {@code texts}, learning from them. */
  private static boolean monthFirst(DateOrders orders, String source, SourceMapping mapping, List<String> texts) {
    return Boolean.TRUE.equals(orders.learn(source, mapping, texts).monthFirst());
  }
}
