package io.customerhub.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YearLastDatesTest {

  /** The expression the scanner replaces: the oracle of the property test. */
  private static final Pattern YEAR_LAST =
      Pattern.compile("(?<![\\d.])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?![\\d.])");

  private static List<String> scanned(String text) {
    List<String> found = new ArrayList<>();
    YearLastDates.scan(text, (first, separator, second) -> found.add(first + "" + separator + second));
    return found;
  }

  private static List<String> byExpression(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = YEAR_LAST.matcher(text);
    while (m.find()) found.add(Integer.parseInt(m.group(1)) + m.group(2) + Integer.parseInt(m.group(3)));
    return found;
  }

  @Test
  void findsDatesWithTheYearLastInAnyOfTheThreeSeparators() {
    assertEquals(List.of("7/4", "31.12", "4-7"),
        scanned("{\"a\":\"07/04/1980\",\"b\":\"31.12.1975\",\"c\":\"4-7-1980\"}"));
  }

  @Test
  void leavesIsoDatesVersionsDecimalsAndLongNumbersAlone() {
    assertEquals(List.of(), scanned("1980-12-31"));
    assertEquals(List.of(), scanned("1.13.2024.5"));
    assertEquals(List.of(), scanned("2.1.13.2024"));
    assertEquals(List.of(), scanned("3.14.15926"));
    assertEquals(List.of(), scanned("123/04/1980"));
    assertEquals(List.of(), scanned("07/04-1980"), "two separators");
    assertEquals(List.of(), scanned("07/004/1980"));
    assertEquals(List.of(), scanned("07/04/80"));
    assertEquals(List.of(), scanned(""));
  }

  @Test
  void aDateAtEitherEndOfTheTextCounts() {
    assertEquals(List.of("1/2"), scanned("1/2/2003"));
    assertEquals(List.of("12/31", "1/2"), scanned("12/31/1999 and 1/2/2003"));
  }

  @Test
  void theVisitorStopsTheScan() {
    List<Integer> firsts = new ArrayList<>();
    YearLastDates.scan("01/02/2000 03/04/2000 05/06/2000", (first, separator, second) -> {
      firsts.add(first);
      return firsts.size() < 2;
    });
    assertEquals(List.of(1, 3), firsts);
  }

  @Test
  void findsWhatTheRegularExpressionFindsOnRandomTexts() {
    Random random = new Random(20261207);
    String alphabet = "0123456789012345678901234567890123456789-/.-/. a\"";
    for (int t = 0; t < 200_000; t++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      assertEquals(byExpression(text.toString()), scanned(text.toString()), () -> "text: " + text);
    }
  }

  @Test
  void findsWhatTheRegularExpressionFindsAroundRealDates() {
    Random random = new Random(7);
    String[] pieces = {"07/04/1980", "31.12.1975", "4-7-1980", "1980-12-31", "1.13.2024", "12", "2024", ".", "/",
        "-", "5", " ", "x"};
    for (int t = 0; t < 50_000; t++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(6);
      for (int i = 0; i < count; i++) text.append(pieces[random.nextInt(pieces.length)]);
      assertEquals(byExpression(text.toString()), scanned(text.toString()), () -> "text: " + text);
    }
  }
}
