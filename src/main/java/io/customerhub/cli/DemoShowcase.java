package io.customerhub.cli;

import io.customerhub.app.HubNode;
import io.customerhub.config.HubConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Finds profiles worth showing once the demo data flows in, and prints curl lines with fresh tokens for them. */
final class DemoShowcase {

  /** Each query picks one profile by a trait a new user should see; the first that answers wins per trait. */
  private static final Map<String, String> PICKS = new LinkedHashMap<>();

  static {
    PICKS.put("a customer known to CRM and ERP, with a Chinese name", """
        select c.profile_id, min(c.source) as source, min(c.source_id) as source_id
        from crosswalk c join source_record r on r.source = c.source and r.source_id = c.source_id
        group by c.profile_id
        having count(distinct c.source) >= 2 and bool_or(r.canonical->>'familyName' ~ '[\\u4e00-\\u9fff]')
        limit 1""");
    PICKS.put("the profile that merged the most source records", """
        select profile_id, min(source) as source, min(source_id) as source_id
        from crosswalk group by profile_id order by count(*) desc, profile_id limit 1""");
    PICKS.put("a customer with risk tags", """
        select p.profile_id, min(c.source) as source, min(c.source_id) as source_id
        from profile p join crosswalk c on c.profile_id = p.profile_id
        where p.status = 'active' and json_array_length(coalesce(p.body->'riskTags', '[]'::json)) > 0
        group by p.profile_id order by count(*) desc limit 1""");
  }

  private final HubNode node;
  private final String host;
  private final boolean console;

  DemoShowcase(HubNode node, HubConfig.Http http) {
    this.node = node;
    this.host = http.host();
    this.console = http.console();
  }

  /** Waits until at least one merged profile exists (or the time is up), then picks one per trait. */
  List<Row> awaitInterestingProfiles(long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    List<Row> picks = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      picks.clear();
      boolean merged = !query("""
          select profile_id, min(source) as source, min(source_id) as source_id from crosswalk
          group by profile_id having count(*) > 1 limit 1""").isEmpty();
      if (merged) {
        for (String sql : PICKS.values()) {
          List<Row> rows = query(sql);
          picks.add(rows.isEmpty() ? null : rows.get(0));
        }
        if (picks.stream().filter(java.util.Objects::nonNull).count() >= 2) return picks;
      }
      Thread.sleep(500);
    }
    return picks;
  }

  void print(List<Row> picks) {
    String base = "http://" + host + ":" + node.httpPort() + "/api/v1";
    String reader = node.token("demo-reader", List.of("reader"));
    String router = node.token("demo-router", List.of("router"));
    String steward = node.token("demo-steward", List.of("steward", "reader"));
    System.out.println("\nTokens (valid 60 minutes; `bin/hub token --role reader` makes more):");
    System.out.println("  export READER=" + reader);
    System.out.println("  export ROUTER=" + router);
    System.out.println("  export STEWARD=" + steward);
    int i = 0;
    for (String label : PICKS.keySet()) {
      Row row = i < picks.size() ? picks.get(i) : null;
      i++;
      if (row == null) continue;
      String key = row.getString("source") + "/" + row.getString("source_id");
      System.out.println("\n# " + label);
      System.out.println("curl -s -H \"Authorization: Bearer $READER\" " + base + "/profiles/by-key/" + key);
      System.out.println("curl -s -H \"Authorization: Bearer $READER\" '" + base + "/profiles/"
          + row.getUUID("profile_id") + "?lineage=true'");
      System.out.println("curl -s -H \"Authorization: Bearer $ROUTER\" " + base + "/routing/" + key);
      System.out.println("curl -s -H \"Authorization: Bearer $READER\" " + base + "/profiles/"
          + row.getUUID("profile_id") + "/history");
    }
    JsonObject description = searchExample();
    if (description != null) {
      System.out.println("\n# the profiles a description of a customer fits (a hanzi name, a birth date), best first");
      System.out.println("curl -s -H \"Authorization: Bearer $READER\" -H 'Content-Type: application/json' -d '"
          + description.encode() + "' " + base + "/profiles/search");
      description.remove("birthDate");
      System.out.println("\n# the name alone: every person whose name sounds the same (hanzi or pinyin, any order)");
      System.out.println("curl -s -H \"Authorization: Bearer $READER\" -H 'Content-Type: application/json' -d '"
          + description.encode() + "' " + base + "/profiles/search");
    }
    System.out.println("\n# customers whose records conflict (two birth dates, two ids), for a steward to settle");
    System.out.println("curl -s -H \"Authorization: Bearer $READER\" '" + base
        + "/profiles?risk=DATA_CONFLICT&limit=5'");
    System.out.println("\n# how the sources cover the customers: records per source, customers shared between sources");
    System.out.println("curl -s -H \"Authorization: Bearer $READER\" " + base + "/sources");
    System.out.println("\n# every source record and its profile (NDJSON)");
    System.out.println("curl -s -H \"Authorization: Bearer $READER\" " + base + "/crosswalk | head");
    System.out.println("\n# every customer's golden record, page by page; the first page's deltaToken asks for what"
        + " changed since\n# (into a file, and only the changes from the second run on:"
        + " bin/hub export --out FILE --token-file hub.token)");
    System.out.println("curl -s -H \"Authorization: Bearer $READER\" '" + base + "/profiles?limit=2'");
    System.out.println("\n# the pairs the matcher was unsure of, most valuable customers first, for a steward to decide");
    System.out.println("curl -s -H \"Authorization: Bearer $STEWARD\" '" + base + "/reviews?order=value&limit=3'");
    System.out.println("\n# the match model's versions (the hub learns one from the data), and how the newest agrees with the"
        + " stewards\n# (in another shell with the same HUB_DATA_DIR: bin/hub models; bin/hub models --agreement N)");
    System.out.println("curl -s -H \"Authorization: Bearer $STEWARD\" " + base + "/admin/models");
    if (console) {
      System.out.println("\n# the data stewards' console: open it in a browser and sign in with this token (steward, reader)");
      System.out.println("#   http://" + host + ":" + node.httpPort() + "/console/");
      System.out.println("#   " + steward);
    }
  }

  /**
   * The hanzi name and birth date of a record, of the profile with the most records among such; null if none yet,
   * or if the query fails: an example line is not worth stopping the demo for.
   */
  private JsonObject searchExample() {
    List<Row> rows;
    try {
      rows = query("""
        select r.canonical->>'givenName' as given, r.canonical->>'familyName' as family,
               r.canonical->>'fullName' as full_name, r.canonical->>'birthDate' as birth
        from source_record r join crosswalk c on c.source = r.source and c.source_id = r.source_id
        where coalesce(r.canonical->>'familyName', r.canonical->>'fullName') ~ '[\\u4e00-\\u9fff]'
          and r.canonical->>'birthDate' is not null
        order by (select count(*) from crosswalk m where m.profile_id = c.profile_id) desc, r.source, r.source_id
        limit 1""");
    } catch (Exception e) {
      return null;
    }
    if (rows.isEmpty()) return null;
    Row r = rows.get(0);
    JsonObject description = new JsonObject();
    if (r.getString("given") != null) description.put("givenName", r.getString("given"));
    if (r.getString("family") != null) description.put("familyName", r.getString("family"));
    if (r.getString("full_name") != null) description.put("fullName", r.getString("full_name"));
    return description.put("birthDate", r.getString("birth"));
  }

  private List<Row> query(String sql) throws Exception {
    List<Row> rows = new ArrayList<>();
    node.database().pool().query(sql).execute().toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS).forEach(rows::add);
    return rows;
  }
}
