package db.migration;

import io.customerhub.resolve.KeyHash;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Match keys become 64-bit hashes ({@link KeyHash}) under one index, and each source record keeps the hashes of
 * its current keys (so replacing them needs no second index on the key table). The hashes are computed here, in
 * Java, from the stored key texts: the same function the hub applies to new keys.
 */
public class V4__Hashed_match_keys extends BaseJavaMigration {

  private static final int BATCH = 5_000;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("alter table source_record add column key_hashes bigint[]");
      s.execute("""
          create table match_key_hashed (
            key_hash   bigint not null,
            source     text   not null,
            source_id  text   not null,
            constraint match_key_hashed_pkey primary key (key_hash, source, source_id))""");
    }
    copyKeys(c);
    try (Statement s = c.createStatement()) {
      s.execute("""
          update source_record r set key_hashes = k.hashes
          from (select source, source_id, array_agg(distinct key_hash order by key_hash) as hashes
                from match_key_hashed group by source, source_id) k
          where r.source = k.source and r.source_id = k.source_id""");
      s.execute("drop table match_key");
      s.execute("alter table match_key_hashed rename to match_key");
      s.execute("alter table match_key rename constraint match_key_hashed_pkey to match_key_pkey");
    }
  }

  /** Streams the old rows (a cursor: autocommit is off inside a migration) and writes their hashes in batches. */
  private static void copyKeys(Connection c) throws SQLException {
    try (Statement read = c.createStatement();
         PreparedStatement write = c.prepareStatement(
             "insert into match_key_hashed (key_hash, source, source_id) values (?, ?, ?) on conflict do nothing")) {
      read.setFetchSize(BATCH);
      List<Object[]> pending = new ArrayList<>();
      try (ResultSet rs = read.executeQuery("select key, source, source_id from match_key")) {
        while (rs.next()) {
          write.setLong(1, KeyHash.of(rs.getString(1)));
          write.setString(2, rs.getString(2));
          write.setString(3, rs.getString(3));
          write.addBatch();
          pending.add(null);
          if (pending.size() == BATCH) {
            write.executeBatch();
            pending.clear();
          }
        }
      }
      if (!pending.isEmpty()) write.executeBatch();
    }
  }
}
