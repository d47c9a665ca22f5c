package io.customerhub.store;

import io.customerhub.resolve.KeyHash;
import io.customerhub.testing.TestInfra;
import io.vertx.pgclient.PgConnectOptions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database written before match keys were hashed (schema version 3, key texts in match_key) is migrated to the
 * current schema: each record lists the hashes of its keys, which is what the candidate index is loaded from,
 * exactly as for keys written after the migration; the key table itself is gone (the index lives in memory).
 */
class HashedMatchKeysMigrationIT {

  @Test
  void storedKeyTextsBecomeTheHashesTheResolverLooksUp() throws Exception {
    PgConnectOptions o = PgConnectOptions.fromUri(TestInfra.freshDatabase());
    String jdbc = "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
    Flyway.configure().dataSource(jdbc, o.getUser(), o.getPassword()).locations("classpath:db/migration")
        .target("3").load().migrate();
    try (Connection c = DriverManager.getConnection(jdbc, o.getUser(), o.getPassword());
         Statement s = c.createStatement()) {
      s.execute("""
          insert into source_record (source, source_id, kind, content_hash, canonical) values
            ('crm', 'C-1', 'person', 'h1', '{}'), ('erp', 'E-1', 'person', 'h2', '{}'),
            ('orders', 'O-1', 'order', 'h3', '{}')""");
      s.execute("""
          insert into match_key (key, source, source_id, strong) values
            ('rec:crm:C-1', 'crm', 'C-1', true), ('email:wei.zhang@example.com', 'crm', 'C-1', true),
            ('ny:ZANG:1985', 'crm', 'C-1', false),
            ('rec:erp:E-1', 'erp', 'E-1', true), ('email:wei.zhang@example.com', 'erp', 'E-1', true),
            ('name:张伟', 'erp', 'E-1', false)""");
    }

    Flyway.configure().dataSource(jdbc, o.getUser(), o.getPassword()).locations("classpath:db/migration")
        .load().migrate();

    try (Connection c = DriverManager.getConnection(jdbc, o.getUser(), o.getPassword());
         Statement s = c.createStatement()) {
      assertArrayEquals(KeyHash.of(List.of("rec:crm:C-1", "email:wei.zhang@example.com", "ny:ZANG:1985")),
          hashesOf(c, "crm", "C-1"));
      assertArrayEquals(KeyHash.of(List.of("rec:erp:E-1", "email:wei.zhang@example.com", "name:张伟")),
          hashesOf(c, "erp", "E-1"));
      try (ResultSet rs = s.executeQuery("select key_hashes from source_record where source = 'orders'")) {
        rs.next();
        assertNull(rs.getArray(1), "an order has no match keys");
      }
      // the shared email is one hash, found by both records
      Set<String> byEmail = new HashSet<>();
      try (var q = c.prepareStatement(
          "select source || ':' || source_id from source_record where key_hashes @> array[?]::bigint[]")) {
        q.setLong(1, KeyHash.of("email:wei.zhang@example.com"));
        ResultSet rs = q.executeQuery();
        while (rs.next()) byEmail.add(rs.getString(1));
      }
      assertEquals(Set.of("crm:C-1", "erp:E-1"), byEmail);
      try (ResultSet rs = s.executeQuery("select to_regclass('match_key') is null")) {
        rs.next();
        assertTrue(rs.getBoolean(1), "match_key is dropped");
      }
    }
  }

  private static long[] hashesOf(Connection c, String source, String id) throws Exception {
    try (var q = c.prepareStatement("select key_hashes from source_record where source = ? and source_id = ?")) {
      q.setString(1, source);
      q.setString(2, id);
      ResultSet rs = q.executeQuery();
      rs.next();
      Array a = rs.getArray(1);
      Long[] boxed = (Long[]) a.getArray();
      long[] out = new long[boxed.length];
      for (int i = 0; i < boxed.length; i++) out[i] = boxed[i];
      return out;
    }
  }
}
