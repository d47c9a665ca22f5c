package io.customerhub.profile;

import io.customerhub.record.SourceKey;
import io.customerhub.risk.RiskEvent;
import io.customerhub.risk.RiskEvidence;
import io.customerhub.risk.RiskTag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a profile as the contract's HTTP answer: plain maps, lists, strings and numbers only (instants as
 * ISO-8601 strings), golden attributes at top level under their canonical names.
 */
final class ProfileView {

  private ProfileView() {
  }

  static Map<String, Object> of(Profile p, boolean withLineage) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profileId", p.profileId());
    m.put("version", p.version());
    m.put("kind", p.kind());
    m.put("records", p.records().stream().map(ProfileView::key).toList());
    Golden g = p.golden();
    for (String name : Golden.SINGLE) m.put(name, g == null ? null : g.value(name));
    for (String name : Golden.MULTI) m.put(name, g == null ? List.of() : g.value(name));
    m.put("attributes", g == null ? Map.of() : g.attributes());
    m.put("tier", p.tier());
    m.put("orders", orders(p.orders()));
    m.put("riskTags", p.riskTags().stream().map(ProfileView::tag).toList());
    m.put("riskHistory", p.riskHistory().stream().map(ProfileView::event).toList());
    m.put("createdAt", iso(p.createdAt()));
    m.put("updatedAt", iso(p.updatedAt()));
    if (withLineage) {
      Map<String, Object> lineage = new LinkedHashMap<>();
      p.lineage().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> lineage.put(e.getKey(), lineage(e.getValue())));
      m.put("lineage", lineage);
    }
    return m;
  }

  static Map<String, Object> key(SourceKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", k == null ? null : k.source());
    m.put("sourceId", k == null ? null : k.sourceId());
    return m;
  }

  private static Map<String, Object> orders(OrderAggregates o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orderCount", o.orderCount());
    m.put("keptOrders", o.keptOrders());
    m.put("spend", o.spend());
    m.put("averageOrderValue", o.averageOrderValue());
    m.put("value12m", o.value12m());
    m.put("firstOrderAt", iso(o.firstOrderAt()));
    m.put("lastOrderAt", iso(o.lastOrderAt()));
    m.put("returns", o.returns());
    m.put("returnRate", o.returnRate());
    m.put("cancellations", o.cancellations());
    m.put("channels", o.channels());
    m.put("currencies", o.currencies());
    m.put("valueCurrency", o.valueCurrency());
    m.put("unpricedOrders", o.unpricedOrders());
    if (o.rfm() == null) {
      m.put("rfm", null);
    } else {
      m.put("rfm", Map.of("recency", o.rfm().recency(), "frequency", o.rfm().frequency(),
          "monetary", o.rfm().monetary()));
    }
    return m;
  }

  private static Map<String, Object> tag(RiskTag t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", t.code());
    m.put("severity", t.severity());
    m.put("since", iso(t.since()));
    m.put("evidence", t.evidence().stream().map(ProfileView::evidence).toList());
    return m;
  }

  private static Map<String, Object> evidence(RiskEvidence e) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (e.record() != null) m.putAll(key(e.record()));
    m.put("attribute", e.attribute());
    m.put("value", e.value());
    return m;
  }

  private static Map<String, Object> event(RiskEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", e.code());
    m.put("severity", e.severity());
    m.put("change", e.change());
    m.put("at", iso(e.at()));
    return m;
  }

  private static Map<String, Object> lineage(AttributeLineage l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", l.rule());
    m.put("value", l.chosen());
    m.put("from", l.chosenFrom().stream().map(ProfileView::key).toList());
    if (!l.why().isEmpty()) m.put("why", l.why());
    m.put("candidates", l.candidates().stream().map(c -> {
      Map<String, Object> cm = key(c.record());
      cm.put("at", iso(c.at()));
      cm.put("value", c.value());
      if (c.field() != null) cm.put("field", c.field());
      return cm;
    }).toList());
    return m;
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
