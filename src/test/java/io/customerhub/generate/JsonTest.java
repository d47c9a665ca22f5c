package io.customerhub.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

  private static String encode(Object value) {
    Json json = new Json().reset().value(value);
    return new String(Arrays.copyOf(json.bytes(), json.length()), StandardCharsets.UTF_8);
  }

  @Test
  void writesCompactJsonInFieldOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", List.of("x", true));
    m.put("amount", new BigDecimal("129.90"));
    m.put("none", null);
    m.put("empty", List.of());
    assertEquals("{\"b\":1,\"a\":[\"x\",true],\"amount\":129.90,\"none\":null,\"empty\":[]}", encode(m));
  }

  @Test
  void escapesWhatJsonRequiresAndKeepsEveryScript() throws Exception {
    String tricky = "quote \" backslash \\ tab\t newline\n bell\u0007 张伟 Müller 😀";
    String encoded = encode(Map.of("s", tricky));
    assertEquals("{\"s\":\"quote \\\" backslash \\\\ tab\\u0009 newline\\u000a bell\\u0007 张伟 Müller 😀\"}", encoded);
    assertEquals(tricky, new ObjectMapper().readTree(encoded).get("s").asText());
  }

  @Test
  void rejectsValuesThatAreNoJson() {
    assertThrows(IllegalArgumentException.class, () -> encode(Map.of("x", new Object())));
  }
}
