package io.customerhub.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/** A generated address; Chinese addresses also carry the same place written in hanzi. */
record Addr(String line1, String line2, String city, String region, String postcode, String country, Addr hanzi) {

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line1", line1);
    m.put("line2", line2);
    m.put("city", city);
    m.put("region", region);
    m.put("postcode", postcode);
    m.put("country", country);
    return m;
  }
}
