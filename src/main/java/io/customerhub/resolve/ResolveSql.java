package io.customerhub.resolve;

/**
 * Every statement the resolver runs, in one place. Batches travel as parallel text arrays and are unnested on the
 * server, so a batch of a thousand records costs a dozen round trips, not thousands.
 */
final class ResolveSql {

  private ResolveSql() {
  }

  /**
   * Advisory locks on key buckets, taken in ascending order (the array arrives sorted) so writers never deadlock,
   * after the shared lock on all of them (taken alone, exclusively, by {@link #LOCK_ALL_BUCKETS}).
   */
  static final String LOCK_BUCKETS = """
      select pg_advisory_xact_lock_shared(1213547074, -5), count(pg_advisory_xact_lock(1213547074, b))
      from unnest($1::int[]) as b""";

  /**
   * Every key bucket at once, for a batch whose keys fall into most of them anyway (a thousand records have some
   * ten thousand keys): one lock instead of a thousand, with the same effect.
   */
  static final String LOCK_ALL_BUCKETS = "select pg_advisory_xact_lock(1213547074, -5)";

  static final String EXISTING_RECORDS = """
      select r.source, r.source_id, r.updated_at, r.content_hash, r.deleted, c.profile_id, r.erased_at is not null
      from unnest($1::text[], $2::text[]) as k(source, source_id)
      join source_record r on r.source = k.source and r.source_id = k.source_id
      left join crosswalk c on c.source = r.source and c.source_id = r.source_id""";

  /** Writers share this lock; a re-resolution takes it alone while it rewrites the crosswalk. */
  static final String SHARED_WRITER_LOCK = "select pg_advisory_xact_lock_shared(1213547074, -3)";

  static final String EXCLUSIVE_WRITER_LOCK = "select pg_advisory_xact_lock(1213547074, -3)";

  /**
   * In key order: a re-resolution breaks ties between pairs of equal weight by the records' places in this list,
   * and the same records must give the same profiles whatever order the table happens to return them in.
   */
  static final String ALL_IDENTITIES = """
      select r.source, r.source_id, r.standard, c.profile_id from source_record r
      join crosswalk c on c.source = r.source and c.source_id = r.source_id where r.standard is not null
      order by r.source, r.source_id""";

  /** Every explicit link between identity records: the linking record and the record it names. */
  static final String ALL_LINKS = """
      select r.source, r.source_id, l ->> 'source', l ->> 'sourceId'
      from source_record r cross join lateral json_array_elements(r.canonical -> 'links') as l
      where r.standard is not null and not r.deleted and json_typeof(r.canonical -> 'links') = 'array'""";

  /** Pairs a steward decided are one customer: re-resolution joins them like explicit links. */
  static final String STEWARD_MERGES = """
      select left_source, left_id, right_source, right_id from review_pair where status = 'merged'""";

  static final String PROFILE_CREATED = "select profile_id, created_at from profile where status = 'active'";

  /**
   * Open pairs are the matcher's suggestions, not steward decisions: a re-resolution deletes those it no longer
   * finds, the open pairs but those given (in key order, as {@link ReviewPairs} stores them), and keeps the decided.
   */
  static final String DELETE_OTHER_OPEN_REVIEWS = """
      delete from review_pair p where p.status = 'open' and not exists (
        select 1 from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(ls, li, rs, ri)
        where p.left_source = t.ls and p.left_id = t.li and p.right_source = t.rs and p.right_id = t.ri)""";

  /**
   * Profiles a re-resolution emptied redirect to the one that took their records (in the page that empties one, or
   * at the end of the run where its survivor was not written yet); one that took a record from ingest since
   * the re-resolution read them, or that a steward merged away meanwhile, stays as it is, and so does one whose
   * survivor is not an active profile (yet), and one whose customer was erased meanwhile (its id must not lead to
   * another customer).
   */
  static final String MARK_EMPTIED = """
      update profile set status = 'merged', merged_into = t.survivor, version = version + 1, updated_at = now()
      from unnest($1::uuid[], $2::uuid[]) as t(profile_id, survivor)
      where profile.profile_id = t.profile_id and profile.status <> 'merged'
        and not exists (select 1 from crosswalk c where c.profile_id = t.profile_id)
        and exists (select 1 from profile s where s.profile_id = t.survivor and s.status = 'active')
        and not exists (select 1 from audit_log a
                        where a.subject = 'profile:' || t.profile_id and a.action = 'profile.erase')
      returning profile.profile_id, profile.version""";

  /**
   * The values stewards set by hand on profiles re-resolution emptied go to the profile that took their records,
   * unless it has its own for the attribute; returns the profiles that received some.
   */
  static final String CARRY_OVERRIDES = """
      update profile s set overrides = c.o || coalesce(s.overrides, '{}'::jsonb)
      from (select t.survivor, jsonb_object_agg(e.key, e.value) as o
            from unnest($1::uuid[], $2::uuid[]) as t(profile_id, survivor)
            join profile l on l.profile_id = t.profile_id
            cross join lateral jsonb_each(l.overrides) as e
            group by t.survivor) as c
      where s.profile_id = c.survivor returning s.profile_id""";

  static final String LOCK_PROFILES = """
      select profile_id, status, merged_into, created_at from profile
      where profile_id = any($1::uuid[]) order by profile_id for update""";

  /** Every member of the candidate profiles, for the cluster guard (bounded: the guard caps cluster sizes). */
  static final String MEMBER_STANDARDS = """
      select c.profile_id, r.source, r.source_id, r.standard
      from crosswalk c join source_record r on r.source = c.source and r.source_id = c.source_id
      where c.profile_id = any($1::uuid[]) and r.standard is not null""";

  /**
   * Records the batch found no row for ({@code key_hashes} arrive as array literals, one per record,
   * {@link KeyHash#literal}). No conflict is possible: the batch holds its records' key locks and looked.
   */
  static final String INSERT_RECORDS = """
      insert into source_record (source, source_id, kind, updated_at, content_hash, deleted, canonical, raw, standard,
                                 key_hashes)
      select s, id, kind, updated, hash, deleted, canonical, raw, standard, kh::bigint[]
      from unnest($1::text[], $2::text[], $3::text[], $4::text[]::timestamptz[], $5::text[], $6::boolean[],
                  $7::text[]::json[], $8::text[], $9::text[], $10::text[])
        as t(s, id, kind, updated, hash, deleted, canonical, raw, standard, kh)""";

  /** New versions of records the batch found stored (under their key locks). */
  static final String UPDATE_RECORDS = """
      update source_record r set kind = t.kind, updated_at = t.updated, content_hash = t.hash, deleted = t.deleted,
        canonical = t.canonical, raw = t.raw, standard = t.standard, key_hashes = t.kh::bigint[],
        version = r.version + 1, ingested_at = now()
      from unnest($1::text[], $2::text[], $3::text[], $4::text[]::timestamptz[], $5::text[], $6::boolean[],
                  $7::text[]::json[], $8::text[], $9::text[], $10::text[])
        as t(s, id, kind, updated, hash, deleted, canonical, raw, standard, kh)
      where r.source = t.s and r.source_id = t.id""";

  static final String INSERT_PROFILES = """
      insert into profile (profile_id, version, status, kind, created_at, updated_at)
      select p, 0, 'active', k, now(), now() from unnest($1::uuid[], $2::text[]) as t(p, k)""";

  /**
   * A re-resolution page's new profiles. The pass reads the records' profiles and the list of active profiles in
   * two queries, so a profile ingest made (or merged away) between them looks new to it: it exists already, and
   * stays as it is (a move into it goes ahead only while it is active). Inserting it again failed the page on the
   * primary key, and the learning that ran the pass. Returns the profiles it made, the only ones the page may drop
   * again.
   */
  static final String INSERT_RERESOLUTION_PROFILES = INSERT_PROFILES
      + " on conflict (profile_id) do nothing returning profile_id";

  static final String MERGE_CROSSWALK =
      "update crosswalk set profile_id = $1 where profile_id = any($2::uuid[])";

  /** The keys of deleted records that the losers kept for their orders go with the records ({@code V29}). */
  static final String MERGE_RETIRED_KEYS =
      "update retired_key set profile_id = $1 where profile_id = any($2::uuid[])";

  /**
   * The losers (and the profiles merged into them before) redirect to the survivor, which takes the values a
   * steward set by hand on the losers, unless it has its own for the same attribute.
   */
  static final String MARK_MERGED = """
      with losers as (
        update profile set status = 'merged', merged_into = $1, version = version + 1, updated_at = now()
        where profile_id = any($2::uuid[]) or merged_into = any($2::uuid[])
        returning profile_id, version, overrides),
      carried as (
        update profile s set overrides = (select jsonb_object_agg(e.key, e.value) from losers l,
                                            jsonb_each(l.overrides) e where l.profile_id = any($2::uuid[]))
                                         || coalesce(s.overrides, '{}'::jsonb)
        where s.profile_id = $1
          and exists (select 1 from losers l where l.profile_id = any($2::uuid[]) and l.overrides is not null))
      select profile_id, version from losers""";

  static final String INSERT_MERGE_HISTORY = """
      insert into merge_history (survivor, merged, reason, actor)
      select $1, m, $3::text::jsonb, $4 from unnest($2::uuid[]) as m""";

  /**
   * Links of records that had none when the batch read them under their key locks: no conflict is possible. A
   * record of a key deleted before takes its orders back from the profile that kept them, which is returned to be
   * recomputed.
   */
  static final String INSERT_CROSSWALK = """
      with back as (
        delete from retired_key r using unnest($1::text[], $2::text[]) as k(source, source_id)
        where r.source = k.source and r.source_id = k.source_id returning r.profile_id),
      linked as (
        insert into crosswalk (source, source_id, profile_id, match)
        select * from unnest($1::text[], $2::text[], $3::uuid[], $4::text[]::json[]))
      select profile_id from back""";

  static final String UPSERT_CROSSWALK = """
      insert into crosswalk (source, source_id, profile_id, match)
      select * from unnest($1::text[], $2::text[], $3::uuid[], $4::text[]::json[])
      on conflict (source, source_id) do update set profile_id = excluded.profile_id,
        match = coalesce(excluded.match, crosswalk.match),
        assigned_at = case when excluded.match is null and crosswalk.profile_id = excluded.profile_id
          then crosswalk.assigned_at else now() end""";

  /**
   * Re-resolution's moves, each only while the record is still in the profile the run read it in ({@code $5}) and
   * its new profile is still active: a steward or ingest may have moved it, merged its new profile away or deleted
   * it since, and what they did stands. Returns each record moved, with the profile it left and the one it joined.
   */
  static final String MOVE_CROSSWALK = """
      update crosswalk c set profile_id = t.profile_id, match = coalesce(t.match, c.match), assigned_at = now()
      from unnest($1::text[], $2::text[], $3::uuid[], $4::text[]::json[], $5::uuid[])
        as t(source, source_id, profile_id, match, read_in)
      where c.source = t.source and c.source_id = t.source_id and c.profile_id = t.read_in
        and exists (select 1 from profile p where p.profile_id = t.profile_id and p.status = 'active')
      returning c.source, c.source_id, t.read_in, t.profile_id""";

  /** The profiles a re-resolution page made for records that then moved into none of them (moved since the read). */
  static final String DELETE_UNFILLED_PROFILES = """
      delete from profile p where p.profile_id = any($1::uuid[])
        and not exists (select 1 from crosswalk c where c.profile_id = p.profile_id)
      returning p.profile_id""";

  /**
   * Records leave their profiles, which are returned to be recomputed; their keys stay with those profiles for the
   * orders that name them ({@code V29}).
   */
  static final String DELETE_CROSSWALK = """
      with gone as (
        delete from crosswalk c using unnest($1::text[], $2::text[]) as d(source, source_id)
        where c.source = d.source and c.source_id = d.source_id returning c.source, c.source_id, c.profile_id),
      kept as (
        insert into retired_key (source, source_id, profile_id) select source, source_id, profile_id from gone
        on conflict (source, source_id) do update set profile_id = excluded.profile_id, retired_at = now())
      select profile_id from gone""";

  /**
   * The stored customers of the orders that now name another one (a guest order's customer is itself), locked
   * until {@link #UPSERT_ORDERS} overwrites them: the profiles the orders leave must be recomputed, or they would
   * keep counting them.
   */
  static final String LOCK_PREVIOUS_CUSTOMERS = """
      select o.customer_source, o.customer_source_id
      from unnest($1::text[], $2::text[], $3::text[], $4::text[])
        as t(source, source_id, customer_source, customer_source_id)
      join customer_order o on o.source = t.source and o.source_id = t.source_id
      where (o.customer_source, o.customer_source_id) is distinct from (t.customer_source, t.customer_source_id)
      order by o.source, o.source_id for update of o""";

  static final String UPSERT_ORDERS = """
      insert into customer_order (source, source_id, customer_source, customer_source_id, ordered_at, amount,
                                  currency, status, channel, updated_at)
      select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]::timestamptz[], $6::text[]::numeric[],
                           $7::text[], $8::text[], $9::text[], $10::text[]::timestamptz[])
      on conflict (source, source_id) do update set
        customer_source = excluded.customer_source, customer_source_id = excluded.customer_source_id,
        ordered_at = excluded.ordered_at, amount = excluded.amount, currency = excluded.currency,
        status = excluded.status, channel = excluded.channel, updated_at = excluded.updated_at""";

  static final String DELETE_ORDERS = """
      delete from customer_order o using unnest($1::text[], $2::text[]) as d(source, source_id)
      where o.source = d.source and o.source_id = d.source_id
      returning o.customer_source, o.customer_source_id""";

  /**
   * The profiles of the given customers, locking their crosswalk rows: a merge moving them commits first and
   * this read then sees the survivor, so an order racing a merge is counted where its customer ends up.
   */
  static final String PROFILES_OF_KEYS = """
      select c.source, c.source_id, c.profile_id
      from unnest($1::text[], $2::text[]) as k(source, source_id)
      join crosswalk c on c.source = k.source and c.source_id = k.source_id
      order by c.source, c.source_id for update of c""";

  /** As {@link #PROFILES_OF_KEYS}, for customers whose records were deleted: the profiles that kept their keys. */
  static final String PROFILES_OF_RETIRED_KEYS = """
      select r.source, r.source_id, r.profile_id
      from unnest($1::text[], $2::text[]) as k(source, source_id)
      join retired_key r on r.source = k.source and r.source_id = k.source_id
      order by r.source, r.source_id for update of r""";

  /**
   * A pair is stored once, in key order; a later look at the same pair refreshes its score, and opens it again when
   * it was moot: its records were in one profile, and are apart again (a split, a re-resolution).
   */
  static final String UPSERT_REVIEWS = """
      insert into review_pair (left_source, left_id, right_source, right_id, score, explanation)
      select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[]::jsonb[])
      on conflict (left_source, left_id, right_source, right_id) do update
        set score = excluded.score, explanation = excluded.explanation, status = 'open', decided_by = null,
          decided_at = null
        where review_pair.status in ('open', 'moot')""";

  static final String PROFILE_MATCHES = """
      select source, source_id, match::text, assigned_at from crosswalk where profile_id = $1
      order by assigned_at, source, source_id""";

  /**
   * Two stored records: their standardized values (null for an order of a known customer) and the profile each
   * is in now (none for a deleted one); an erased one is as unknown as one never sent.
   */
  static final String STORED_PAIR = """
      select s.source, s.source_id, s.standard, c.profile_id
      from source_record s left join crosswalk c on c.source = s.source and c.source_id = s.source_id
      where ((s.source = $1 and s.source_id = $2) or (s.source = $3 and s.source_id = $4)) and s.erased_at is null""";

  static final String PROFILE_MERGES = """
      select merged, reason::text, actor, at from merge_history where survivor = $1 order by at""";

  static final String INSERT_AUDIT = """
      insert into audit_log (actor, action, subject, detail)
      select $1, a, s, d::jsonb from unnest($2::text[], $3::text[], $4::text[]) as t(a, s, d)""";
}
