package io.customerhub.store;

/** Statements that read and write whole profiles; shared by resolution, steward actions and tier refresh. */
final class ProfileSql {

  private ProfileSql() {
  }

  static final String MEMBERS = """
      select c.profile_id, r.canonical::text as canonical
      from crosswalk c join source_record r on r.source = c.source and r.source_id = c.source_id
      where c.profile_id = any($1::uuid[]) and not r.deleted""";

  static final String ORDERS = """
      select c.profile_id, o.source, o.source_id, o.ordered_at, o.amount, o.currency, o.status, o.channel, o.updated_at
      from customer_order o
      join crosswalk c on c.source = o.customer_source and c.source_id = o.customer_source_id
      where c.profile_id = any($1::uuid[])
      union all
      select r.profile_id, o.source, o.source_id, o.ordered_at, o.amount, o.currency, o.status, o.channel, o.updated_at
      from retired_key r
      join customer_order o on o.customer_source = r.source and o.customer_source_id = r.source_id
      where r.profile_id = any($1::uuid[])""";

  /**
   * The orders of profile $1, newest first (undated last), at most $2: those whose customer record is one of the
   * profile's or was until its source deleted it ({@code retired_key}), and its guest orders, which are records of
   * it themselves.
   */
  static final String ORDER_PAGE = """
      select o.source, o.source_id, o.customer_source, o.customer_source_id, o.ordered_at, o.amount::text,
             o.currency, o.status, o.channel
      from (select o.* from crosswalk c
            join customer_order o on o.customer_source = c.source and o.customer_source_id = c.source_id
            where c.profile_id = $1
            union all
            select o.* from retired_key r
            join customer_order o on o.customer_source = r.source and o.customer_source_id = r.source_id
            where r.profile_id = $1) o
      order by o.ordered_at desc nulls last, o.source, o.source_id
      limit $2""";

  /** Locks the rows first, so that two transactions recomputing one profile take turns and never lose an update. */
  static final String CURRENT = """
      select profile_id, version, status, created_at, body::text as body, overrides::text as overrides from profile
      where profile_id = any($1::uuid[]) order by profile_id for update""";

  /** The bodies of profiles merged away into those recomputed: their risk tags and history go on in the survivor. */
  static final String ABSORBED_BODIES = """
      select profile_id, body::text from profile where profile_id = any($1::uuid[]) and body is not null""";

  static final String OVERRIDES = "select overrides::text from profile where profile_id = $1";

  static final String BY_KEYS = """
      select c.source, c.source_id, p.body::text as body
      from unnest($1::text[], $2::text[]) as k(source, source_id)
      join crosswalk c on c.source = k.source and c.source_id = k.source_id
      join profile p on p.profile_id = c.profile_id where p.status = 'active' and p.body is not null""";

  static final String ACTIVE_PAGE = """
      select profile_id from profile where status = 'active' and profile_id > $1 order by profile_id limit $2""";

  /** {@code $8}: each profile's risk codes as an array literal ({@link ProfileFacts#riskCodes}). */
  static final String UPDATE = """
      update profile p set version = t.version, status = t.status, kind = t.kind, body = t.body::json,
        value_12m = t.value, tier = t.tier, risk_codes = t.risk::text[], updated_at = now()
      from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]::numeric[], $7::text[],
                  $8::text[]) as t(profile_id, version, status, kind, body, value, tier, risk)
      where p.profile_id = t.profile_id""";

  /** Profiles made by the transaction that inserts them: written once, whole. */
  static final String INSERT = """
      insert into profile (profile_id, version, status, kind, body, value_12m, tier, risk_codes, created_at,
                           updated_at)
      select t.profile_id, t.version, 'active', t.kind, t.body::json, t.value, t.tier, t.risk::text[], t.created,
        now()
      from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[]::numeric[], $6::text[],
                  $7::text[]::timestamptz[], $8::text[]) as t(profile_id, version, kind, body, value, tier, created,
                                                             risk)""";

  /**
   * Active profiles in id order after {@code $1}, at most {@code $2}: the primary key's index, read in order. Not
   * those whose records are linked and whose golden record is not yet written (between the two transactions of a
   * batch): they have nothing to show yet.
   */
  static final String ACTIVE_BODIES = """
      select body::text as body from profile where status = 'active' and body is not null and profile_id > $1
      order by profile_id limit $2""";

  /** Active profiles with the risk tag {@code $1}, in id order after {@code $2}, at most {@code $3}. */
  static final String WITH_RISK = """
      select body::text as body from profile
      where status = 'active' and body is not null and risk_codes <> '{}' and risk_codes @> array[$1::text]
        and profile_id > $2
      order by profile_id limit $3""";

  /** Where this database's transactions stand, in one snapshot. */
  static final String CHANGE_STATE = """
      select c.system_identifier::text, pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text
      from pg_control_system() c, pg_current_snapshot() s""";

  /**
   * Profile rows written (ProfileChanges) after the cursor {@code ($1, $2)} in that order, at most {@code $3}: the
   * index {@code profile_changes} read in order. The transaction goes out as text under another name: an output
   * column called {@code changed_by} would be what "order by changed_by" sorts, as text, where 1000 comes before 999.
   */
  static final String CHANGED_AFTER = """
      select profile_id, changed_by::text as written_by, version, status, merged_into, body::text as body
      from profile
      where (changed_by, profile_id) > ($1::text::xid8, $2::uuid)
      order by changed_by, profile_id limit $3""";

  /**
   * Profiles that lost their records before they were first written: deleted from the start. No "on conflict":
   * a concurrent insert of the same profile must make one of the two transactions fail and retry.
   */
  static final String INSERT_TOMBSTONES = """
      insert into profile (profile_id, version, status, created_at, updated_at)
      select t, 1, 'deleted', now(), now() from unnest($1::uuid[]) as t""";

  /** A profile whose customer was erased: deleted, and nothing it said kept. */
  static final String ERASE = """
      update profile set status = 'deleted', version = version + 1, body = null, overrides = null, risk_codes = '{}',
        tier = null, value_12m = 0, updated_at = now()
      where profile_id = $1 returning version""";

  static final String INSERT_OUTBOX = """
      insert into outbox (profile_id, change_type, version, payload)
      select * from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[]::json[])""";

  /** Marks the profiles a committed resolution changed until they are recomputed ({@code $1} names the batch). */
  static final String MARK_DIRTY = "insert into profile_dirty_batch (token, profile_ids) values ($1, $2::uuid[])";

  static final String CLEAR_DIRTY = "delete from profile_dirty_batch where token = $1";

  /** Marks old enough that the batches which left them are no longer recomputing their profiles themselves. */
  static final String STALE_DIRTY = """
      select token from profile_dirty_batch where marked_at < now() - make_interval(secs => $1)
      order by marked_at, token limit $2""";

  /** One mark, locked, so that the upkeep of two nodes never repairs the same batch at once. */
  static final String LOCK_DIRTY = """
      select profile_ids from profile_dirty_batch where token = $1 for update skip locked""";

  static final String BY_ID = """
      select profile_id, version, status, merged_into, body::text as body from profile where profile_id = $1""";

  static final String BY_KEY = """
      select p.profile_id, p.version, p.status, p.merged_into, p.body::text as body
      from crosswalk c join profile p on p.profile_id = c.profile_id
      where c.source = $1 and c.source_id = $2""";

  /** The profile of the customer an order names (its customerRef), by the order's key: orders are no identities. */
  static final String BY_ORDER_KEY = """
      select p.profile_id, p.version, p.status, p.merged_into, p.body::text as body
      from customer_order o
      join (select source, source_id, profile_id from crosswalk
            union all select source, source_id, profile_id from retired_key) c
        on c.source = o.customer_source and c.source_id = o.customer_source_id
      join profile p on p.profile_id = c.profile_id
      where o.source = $1 and o.source_id = $2""";

  static final String CROSSWALK_STREAM =
      "select source, source_id, profile_id from crosswalk order by source, source_id";

  /** The customers the value tiers rank: those who bought in the window (the others have no tier to rank). */
  static final String BUYERS = "select count(*) from profile where status = 'active' and value_12m > 0";

  /** The 12-month value of the buyer at each rank ($1, 1 = highest), in the order given; null past the last. */
  static final String VALUES_AT_RANKS = """
      select array(select (select value_12m from profile where status = 'active' and value_12m > 0
                           order by value_12m desc offset t.rank - 1 limit 1)::text
                   from unnest($1::int[]) with ordinality as t(rank, i) order by t.i)""";
}
