package io.customerhub.resolve.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The score of one pair and why: {@code weight} is the total match weight in bits (prior included),
 * {@code probability} the match probability it implies, {@code band} the decision, {@code fields} the
 * per-field levels and weights, {@code rule} what decided the band (e.g. {@code fellegi-sunter},
 * {@code identifier-conflict}, {@code household}, {@code kind-mismatch}).
 */
public record PairScore(double weight, double probability, Band band, List<FieldComparison> fields, String rule) {

  public PairScore {
    fields = List.copyOf(fields);
  }

  /** Plain maps and lists, ready for a JSON explanation. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("band", band.name());
    out.put("rule", rule);
    out.put("weight", round(weight));
    out.put("probability", round(probability));
    List<Map<String, Object>> fs = new ArrayList<>();
    for (FieldComparison f : fields) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", f.field());
      m.put("level", f.level());
      m.put("weight", round(f.weight()));
      if (f.tfAdjusted()) m.put("tfAdjusted", true);
      fs.add(m);
    }
    out.put("fields", fs);
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
