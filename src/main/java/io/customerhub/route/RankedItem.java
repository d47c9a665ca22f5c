package io.customerhub.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One item of a prioritized list: its place (1 = first), the score it was ranked by and why. */
public record RankedItem(String id, int rank, double score, List<String> reasons) {

  public RankedItem {
    reasons = List.copyOf(reasons);
  }

  /** One entry of the answer of {@code POST /api/v1/priorities}. */
  public Map<String, Object> toView() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("rank", rank);
    m.put("score", score);
    m.put("reasons", reasons);
    return m;
  }
}
