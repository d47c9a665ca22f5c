package io.customerhub.ingest;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

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

  /**
   * The inputs of a source, as it sent them, that hold a date with the year last whose day and month could be read
   * either way (07/04/1980): read day first before the source showed its order.
   */
  private static final String EITHER_WAY = """
      select raw from source_record
      where source = $1 and raw is not null
        and raw ~ '(^|[^0-9.])(0?[1-9]|1[0-2])([-/.])(0?[1-9]|1[0-2])\\3[0-9]{4}($|[^0-9.])'
      limit $2""";

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

  /** Up to {@code limit} stored inputs of {@code source} with a date that reads either way, as the source sent them. */
  Future<List<String>> readEitherWay(String source, int limit) {
    return pool.preparedQuery(EITHER_WAY).execute(Tuple.of(source, limit)).map(rows -> {
      List<String> raw = new ArrayList<>(rows.size());
      for (Row r : rows) raw.add(r.getString(0));
      return raw;
    });
  }

  private static Boolean first(RowIterator<Row> rows) {
    return rows.hasNext() ? rows.next().getBoolean(0) : null;
  }
}
