package io.customerhub.store;

import io.customerhub.store.ChangeToken.ChangeState;
import io.customerhub.store.ChangeToken.Cursor;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The profiles written since a {@link ChangeToken}, for exports that follow an earlier one: every profile row
 * notes the transaction that wrote it last (migration V25), and a page reads them in (transaction, profile id)
 * order from an index, each page its own read.
 */
public final class ProfileChanges {

  /**
   * One profile row as a page reads it. {@code body} is null for a profile whose records are linked and whose
   * golden record is not yet written (the second transaction of its batch): it comes again once it is.
   */
  public record Changed(Cursor at, long version, String status, UUID mergedInto, String body) {
  }

  private final Pool pool;

  public ProfileChanges(Pool pool) {
    this.pool = pool;
  }

  public Future<ChangeState> state() {
    return pool.query(ProfileSql.CHANGE_STATE).execute().map(rows -> {
      Row r = rows.iterator().next();
      return new ChangeState(r.getString(0), Long.parseLong(r.getString(1)), Long.parseLong(r.getString(2)));
    });
  }

  public Future<List<Changed>> after(Cursor cursor, int limit) {
    Tuple args = Tuple.of(String.valueOf(cursor.transaction()), cursor.profileId(), limit);
    return pool.preparedQuery(ProfileSql.CHANGED_AFTER).execute(args).map(rows -> {
      List<Changed> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        Cursor at = new Cursor(Long.parseLong(r.getString(1)), r.getUUID(0));
        out.add(new Changed(at, r.getLong(2), r.getString(3), r.getUUID(4), r.getString(5)));
      }
      return out;
    });
  }
}
