package io.customerhub.ingest;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;

/**
 * The date orders that sources' own dates showed ({@link DateOrders}), shared by every node through PostgreSQL. The
 * first node to learn a source's order writes it; a node that learned otherwise at the same moment takes the stored
 * one, so that all nodes read the source alike.
 */
final class StoredDateOrders {

  private static final String FIND = "select month_first from source_date_order where source = $1";
  /** Writes the order unless a row is there already, and answers with whatever the row says afterwards. */
  private static final String KEEP = """
      with kept as (
        insert into source_date_order (source, month_first) values ($1, $2)
        on conflict (source) do nothing
        returning month_first)
      select month_first from kept
      union all
      select month_first from source_date_order where source = $1 and not exists (select 1 from kept)""";

  private final Pool pool;

  StoredDateOrders(Pool pool) {
    this.pool = pool;
  }

  /** The stored order of {@code source}: true for month first, null when no node has learned it. */
  Future<Boolean> find(String source) {
    return pool.preparedQuery(FIND).execute(Tuple.of(source)).map(rows -> first(rows.iterator()));
  }

  /** Stores {@code monthFirst} for {@code source} unless an order is stored already; answers the stored order. */
  Future<Boolean> keep(String source, boolean monthFirst) {
    return pool.preparedQuery(KEEP).execute(Tuple.of(source, monthFirst)).map(rows -> {
      Boolean stored = first(rows.iterator());
      return stored == null ? monthFirst : stored;
    });
  }

  private static Boolean first(RowIterator<Row> rows) {
    return rows.hasNext() ? rows.next().getBoolean(0) : null;
  }
}
