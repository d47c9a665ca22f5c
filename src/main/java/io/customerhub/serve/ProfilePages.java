package io.customerhub.serve;

import io.customerhub.profile.Profile;
import io.customerhub.store.ChangeToken;
import io.customerhub.store.ChangeToken.ChangeState;
import io.customerhub.store.ChangeToken.Cursor;
import io.customerhub.store.ProfileChanges;
import io.customerhub.store.ProfileChanges.Changed;
import io.customerhub.store.ProfileCodec;
import io.customerhub.store.ProfileQueries;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET /profiles}, page after page, three ways: every active customer (the copy a warehouse starts from),
 * the profiles written since an earlier export ({@code changedSince}, the copy kept up to date), and the customers
 * with a risk tag (the stewards' list). Each page is its own read, so an export holds no transaction open and can
 * go on from its last {@code next}.
 */
final class ProfilePages {

  private final ProfileQueries queries;
  private final ProfileChanges changes;
  /** The codes of the configured risk rules: any other asked for is a mistake, not an empty list. */
  private final Set<String> riskCodes;

  ProfilePages(ProfileQueries queries, ProfileChanges changes, Set<String> riskCodes) {
    this.queries = queries;
    this.changes = changes;
    this.riskCodes = Set.copyOf(riskCodes);
  }

  /**
   * {@code GET /profiles[?risk=CODE | ?changedSince=TOKEN][&after=…&limit=N]}. The first page of an export of every
   * profile or of the changes ({@code after} absent) answers a {@code deltaToken}: the {@code changedSince} of the
   * next export, taken before the page is read.
   */
  void list(RoutingContext ctx) {
    String code = ctx.request().getParam("risk");
    String since = ctx.request().getParam("changedSince");
    String rawAfter = ctx.request().getParam("after");
    int limit = Params.pageLimit(ctx.request().getParam("limit"));
    if (since != null) {
      if (code != null) throw HubException.invalid("changedSince: not with risk (the risk lists have no changes)");
      changed(ctx, since, rawAfter, limit);
      return;
    }
    if (code != null && !riskCodes.contains(code)) {
      throw HubException.invalid("risk: '" + code + "' is none of " + new TreeSet<>(riskCodes));
    }
    // PostgreSQL orders uuids by their bytes, unsigned: the nil uuid comes first
    UUID after = rawAfter == null ? new UUID(0, 0) : Params.profileId("after", rawAfter);
    Future<ChangeToken> token = code == null && rawAfter == null ? changes.state().map(ChangeState::token)
        : Future.succeededFuture();
    token.compose(next -> queries.activePage(code, after, limit)
            .compose(bodies -> ctx.vertx().executeBlocking(() -> activePage(bodies, limit, next), false)))
        .onSuccess(page -> ProfileHandlers.json(ctx, page)).onFailure(ctx::fail);
  }

  /** The profiles written since {@code rawSince}: the active ones whole, the others as what became of them. */
  private void changed(RoutingContext ctx, String rawSince, String rawAfter, int limit) {
    ChangeToken since = ChangeToken.parse(rawSince).orElseThrow(() -> HubException.invalid(
        "changedSince: '" + rawSince + "' is not a deltaToken this hub answered"));
    Cursor from = rawAfter == null ? Cursor.first(since)
        : Cursor.parse(rawAfter).filter(c -> c.transaction() >= since.transaction()).orElseThrow(() ->
            HubException.invalid("after: '" + rawAfter + "' is not the next of a page of these changes"));
    changes.state().compose(now -> {
      Optional<String> why = since.unanswerableBy(now);
      if (why.isPresent()) {
        throw HubException.gone("changedSince: " + why.get()
            + "; export every profile again (without changedSince) and keep its deltaToken");
      }
      ChangeToken next = rawAfter == null ? now.token() : null;
      return changes.after(from, limit)
          .compose(rows -> ctx.vertx().executeBlocking(() -> changedPage(rows, limit, next), false));
    }).onSuccess(page -> ProfileHandlers.json(ctx, page)).onFailure(ctx::fail);
  }

  /** One page of active profiles, each as {@code GET /profiles/{id}} answers it, and where the next one starts. */
  private static String activePage(List<String> storedBodies, int limit, ChangeToken deltaToken) {
    StringBuilder out = new StringBuilder("{\"items\":[");
    String last = null;
    for (int i = 0; i < storedBodies.size(); i++) {
      Profile p = ProfileCodec.fromStored(storedBodies.get(i));
      if (i > 0) out.append(',');
      out.append(ProfileCodec.toView(p, false));
      last = p.profileId();
    }
    return end(out, storedBodies.size() == limit ? last : null, deltaToken);
  }

  /**
   * One page of changes: an active profile as {@code GET /profiles/{id}} answers it, a merged-away or deleted one as
   * {@code profileId}, {@code version}, {@code status} ({@code merged}, with {@code mergedInto}, or {@code
   * deleted}); one whose golden record is not yet written is left for the page it comes on once it is.
   */
  private static String changedPage(List<Changed> rows, int limit, ChangeToken deltaToken) {
    StringBuilder out = new StringBuilder("{\"items\":[");
    boolean first = true;
    for (Changed row : rows) {
      String item = item(row);
      if (item == null) continue;
      if (!first) out.append(',');
      out.append(item);
      first = false;
    }
    // the last row read, shown or not: the next page starts after it
    String next = rows.size() == limit ? rows.get(rows.size() - 1).at().text() : null;
    return end(out, next, deltaToken);
  }

  private static String item(Changed row) {
    if ("active".equals(row.status())) {
      return row.body() == null ? null : ProfileCodec.toView(ProfileCodec.fromStored(row.body()), false);
    }
    Map<String, Object> gone = new LinkedHashMap<>();
    gone.put("profileId", row.at().profileId().toString());
    gone.put("version", row.version());
    gone.put("status", row.status());
    if (row.mergedInto() != null) gone.put("mergedInto", row.mergedInto().toString());
    return ProfileCodec.write(gone);
  }

  private static String end(StringBuilder items, String next, ChangeToken deltaToken) {
    items.append("],\"next\":").append(ProfileCodec.write(next));
    if (deltaToken != null) items.append(",\"deltaToken\":").append(ProfileCodec.write(deltaToken.text()));
    return items.append('}').toString();
  }
}
