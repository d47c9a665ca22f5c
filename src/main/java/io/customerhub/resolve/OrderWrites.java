package io.customerhub.resolve;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.OrderInfo;
import io.customerhub.record.SourceKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The batch's order writes: the latest state of each order, linked to its customer's profile by the customer's
 * source key, so that an order may arrive before its customer and wait for it.
 */
final class OrderWrites {

  private final SqlConnection conn;
  private final BatchState state;

  OrderWrites(SqlConnection conn, BatchState state) {
    this.conn = conn;
    this.state = state;
  }

  /**
   * Stores the latest state of each order and marks for recomputation the profiles that count it now and those
   * that stop counting it: its customer's before it was deleted or before it named another customer.
   * {@code stored}: whether the batch found a record stored (only such an order can have had another customer).
   */
  Future<Void> writeOrders(List<Prepared> orders, List<Prepared> deletes, Predicate<SourceKey> stored) {
    Future<Void> removed = removeOrders(deletes);
    if (orders.isEmpty()) return removed;
    int n = orders.size();
    String[] src = new String[n], id = new String[n], cs = new String[n], cid = new String[n], at = new String[n],
        amount = new String[n], cur = new String[n], status = new String[n], channel = new String[n], upd = new String[n];
    for (int i = 0; i < n; i++) {
      CanonicalRecord r = orders.get(i).record();
      OrderInfo o = r.order();
      SourceKey customer = customerOf(orders.get(i));
      src[i] = r.source();
      id[i] = r.sourceId();
      cs[i] = customer.source();
      cid[i] = customer.sourceId();
      at[i] = o.orderedAt() == null ? null : o.orderedAt().toString();
      amount[i] = o.amount() == null ? null : o.amount().toPlainString();
      cur[i] = o.currency();
      status[i] = o.status() == null ? null : o.status().wire();
      channel[i] = o.channel();
      upd[i] = r.updatedAt() == null ? null : r.updatedAt().toString();
    }
    return removed
        .compose(v -> leaveCustomers(orders, stored))
        .compose(v -> conn.preparedQuery(ResolveSql.UPSERT_ORDERS).execute(Tuple.of(src, id, cs, cid, at, amount, cur,
            status, channel, upd)))
        .compose(v -> answerOrders(orders, true));
  }

  /** Deletes the orders among {@code deletes}; their customers' profiles no longer count them. */
  private Future<Void> removeOrders(List<Prepared> deletes) {
    List<Prepared> orderDeletes = deletes.stream().filter(p -> p.record().order() != null
        || p.record().kind() == Kind.ORDER).toList();
    if (orderDeletes.isEmpty()) return Future.succeededFuture();
    return conn.preparedQuery(ResolveSql.DELETE_ORDERS).execute(SqlParams.keyArrays(orderDeletes))
        .compose(this::markCustomers);
  }

  /**
   * Marks the profiles of the customers that stored orders stop counting for: the orders' customers before this
   * batch, where it names another. A guest order's customer is itself (it may now name one).
   */
  private Future<Void> leaveCustomers(List<Prepared> orders, Predicate<SourceKey> stored) {
    List<Prepared> known = orders.stream().filter(p -> stored.test(p.key())).toList();
    if (known.isEmpty()) return Future.succeededFuture();
    int n = known.size();
    String[] src = new String[n], id = new String[n], cs = new String[n], cid = new String[n];
    for (int i = 0; i < n; i++) {
      SourceKey customer = customerOf(known.get(i));
      src[i] = known.get(i).key().source();
      id[i] = known.get(i).key().sourceId();
      cs[i] = customer.source();
      cid[i] = customer.sourceId();
    }
    return conn.preparedQuery(ResolveSql.LOCK_PREVIOUS_CUSTOMERS).execute(Tuple.of(src, id, cs, cid))
        .compose(this::markCustomers);
  }

  /** Marks the profiles of the customers in {@code rows} (customer source, source id) for recomputation. */
  private Future<Void> markCustomers(RowSet<Row> rows) {
    if (rows.size() == 0) return Future.succeededFuture();
    List<SourceKey> customers = new ArrayList<>();
    for (Row r : rows) customers.add(new SourceKey(r.getString(0), r.getString(1)));
    return profilesOf(customers).map(found -> {
      state.affected.addAll(found.values());
      return null;
    });
  }

  /** Answers orders with the profile of their customer, which may not be known yet (the order waits for it). */
  Future<Void> answerOrders(List<Prepared> orders, boolean changed) {
    List<Prepared> referencing = orders.stream().filter(p -> !p.isIdentity()).toList();
    if (referencing.isEmpty()) return Future.succeededFuture();
    return profilesOf(referencing.stream().map(OrderWrites::customerOf).toList()).map(found -> {
      for (Prepared p : referencing) {
        UUID profile = found.get(customerOf(p));
        if (changed) {
          if (profile != null) state.affected.add(profile);
          Outcome previous = state.outcomes.get(p.index());
          state.record(p, Outcome.of(previous == null ? Outcome.Kind.CREATED : previous.kind(), profile));
        } else {
          state.record(p, Outcome.of(state.outcomes.get(p.index()).kind(), profile));
        }
      }
      return null;
    });
  }

  private static SourceKey customerOf(Prepared order) {
    OrderInfo o = order.record().order();
    return o != null && o.customerRef() != null ? o.customerRef() : order.key();
  }

  /**
   * The profiles of the customers, as their records are linked, or as the profiles that kept the keys of deleted
   * ones for their orders (a second read only for customers the first did not find).
   */
  private Future<Map<SourceKey, UUID>> profilesOf(List<SourceKey> customers) {
    Map<SourceKey, UUID> found = new HashMap<>();
    return conn.preparedQuery(ResolveSql.PROFILES_OF_KEYS).execute(SqlParams.sourceKeyArrays(customers))
        .compose(rows -> {
          for (Row r : rows) found.put(new SourceKey(r.getString(0), r.getString(1)), r.getUUID(2));
          List<SourceKey> missing = customers.stream().filter(c -> !found.containsKey(c)).distinct().toList();
          return missing.isEmpty() ? Future.succeededFuture(found)
              : conn.preparedQuery(ResolveSql.PROFILES_OF_RETIRED_KEYS).execute(SqlParams.sourceKeyArrays(missing))
                  .map(retired -> {
                    for (Row r : retired) found.put(new SourceKey(r.getString(0), r.getString(1)), r.getUUID(2));
                    return found;
                  });
        });
  }
}
