package io.customerhub.ingest;

import io.vertx.core.json.DecodeException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LenientJsonTest {

  @Test
  void standardJsonIsParsedOnceAndStoredAsSent() {
    String text = "{\"sourceId\":\"1\",\"amount\":1.5}";
    LenientJson p = LenientJson.parse(text);
    assertSame(text, p.text());
    assertEquals(1.5, p.json().getDouble("amount"));
    assertTrue(p.warnings().isEmpty());
  }

  @Test
  void pythonsNanAndInfinityAreMissingValuesNamedInWarnings() {
    LenientJson p = LenientJson.parse("{\"sourceId\": \"1\", \"birthDate\": NaN, \"phones\": [NaN, \"+1 555\"],"
        + " \"attributes\": {\"creditLimit\": Infinity}}");
    assertNull(p.json().getValue("birthDate"));
    assertTrue(p.json().containsKey("birthDate"));
    assertNull(p.json().getJsonArray("phones").getValue(0));
    assertEquals("+1 555", p.json().getJsonArray("phones").getString(1));
    assertNull(p.json().getJsonObject("attributes").getValue("creditLimit"));
    assertEquals(List.of("birthDate: NaN is no value; read as missing", "phones[0]: NaN is no value; read as missing",
        "attributes.creditLimit: Infinity is no value; read as missing"), p.warnings());
    assertEquals("{\"sourceId\":\"1\",\"birthDate\":null,\"phones\":[null,\"+1 555\"],\"attributes\":{\"creditLimit\":null}}",
        p.text(), "the stored raw form must be JSON the database takes");
  }

  @Test
  void brokenJsonStaysBroken() {
    assertThrows(DecodeException.class, () -> LenientJson.parse("{\"sourceId\": NaN"));
    assertThrows(DecodeException.class, () -> LenientJson.parse("{\"name\": \"NaN\""));
    assertThrows(DecodeException.class, () -> LenientJson.parse("[1, 2]"));
    assertThrows(DecodeException.class, () -> LenientJson.parse(" "));
  }

  @Test
  void arraysAndPrettyObjectsBecomeOneLineEachWithTheirNonNumbers() {
    assertEquals(List.of("{\"a\":NaN}", "{\"b\":1}"), LenientJson.records("[{\"a\": NaN}, {\"b\": 1}]"));
    assertEquals(List.of("{\"a\":\"x\"}"), LenientJson.records("{\n  \"a\": \"x\"\n}"));
    assertNull(LenientJson.records("[1]").get(0));
    assertThrows(DecodeException.class, () -> LenientJson.records("[{\"a\": "));
  }

  @Test
  void aNumberNoDoubleHoldsIsAMissingValueNamedInAWarningAndOtherBigNumbersStay() {
    LenientJson p = LenientJson.parse("{\"sourceId\":1e400,\"phones\":[\"+1 555\",-1E+999],\"taxId\":1e300,"
        + "\"n\":" + "9".repeat(320) + ",\"postcode\":1" + "0".repeat(250) + "e99}");
    assertNull(p.json().getValue("sourceId"));
    assertNull(p.json().getJsonArray("phones").getValue(1));
    assertEquals(1e300, p.json().getDouble("taxId"));
    assertEquals(List.of("sourceId: Infinity is no value; read as missing",
        "phones[1]: -Infinity is no value; read as missing", "postcode: Infinity is no value; read as missing"),
        p.warnings());
    assertNull(p.json().getValue("postcode"), "a short exponent on a long number");
    assertTrue(p.text().startsWith("{\"sourceId\":null,\"phones\":[\"+1 555\",null],\"taxId\":1.0E300,\"n\":999"),
        p.text());
    String exact = "{\"sourceId\":\"x\",\"amount\":2.5e100}";
    assertSame(exact, LenientJson.parse(exact).text(), "an exponent a double holds changes nothing");
  }

  @Test
  void aDecimalTooLongForADoubleWithoutAnExponentIsFoundToo() {
    LenientJson p = LenientJson.parse("{\"sourceId\":\"x\",\"amount\":" + "9".repeat(400) + ".5}");
    assertNull(p.json().getValue("amount"));
    assertEquals(List.of("amount: Infinity is no value; read as missing"), p.warnings());
  }

  @Test
  void textThatOnlyLooksLikeAnExponentOrALongNumberIsKeptAsSent() {
    String text = "{\"sourceId\":\"12345678901234567890123\",\"emails\":[\"j2e@x.com\"],\"n\":[1e2,{\"m\":3E-5}]}";
    assertSame(text, LenientJson.parse(text).text());
  }

  @Test
  void depthCountsEveryArrayAndObjectDownToTheDeepestValue() {
    String deep = "{\"a\":[{\"b\":[1]}]}"; // object, array, object, array: four levels
    assertFalse(LenientJson.deeperThan(LenientJson.parse(deep).json(), 4));
    assertTrue(LenientJson.deeperThan(LenientJson.parse(deep).json(), 3));
    assertFalse(LenientJson.deeperThan(LenientJson.parse("{\"a\":1,\"b\":\"x\"}").json(), 1));
    assertFalse(LenientJson.deeperThan("text", 0), "a plain value nests nothing");
    String atLimit = "{\"x\":" + "[".repeat(LenientJson.MAX_RECORD_DEPTH - 1) + "]".repeat(LenientJson.MAX_RECORD_DEPTH - 1) + "}";
    assertFalse(LenientJson.deeperThan(LenientJson.parse(atLimit).json(), LenientJson.MAX_RECORD_DEPTH));
    assertTrue(LenientJson.deeperThan(LenientJson.parse("{\"y\":[" + atLimit + "]}").json(), LenientJson.MAX_RECORD_DEPTH));
  }
}
