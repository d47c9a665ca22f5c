package io.customerhub.steward;

/** The statements of the stewards' work: the review queue, its decisions and the direct actions on profiles. */
final class StewardSql {

  private StewardSql() {
  }

  /**
   * Review pairs, each record with the profile it is in now and what it says now (its canonical form), which a
   * steward needs beside the field levels to decide.
   */
  private static final String REVIEW_COLUMNS = """
      select r.id, r.left_source, r.left_id, lc.profile_id, r.right_source, r.right_id, rc.profile_id, r.score,
             r.explanation::text, r.status, r.created_at, r.decided_by, r.decided_at,
             lr.canonical::text, rr.canonical::text, lr.version, rr.version,
             case when r.claimed_until > now() then r.claimed_by end,
             case when r.claimed_until > now() then r.claimed_until end""";

  private static final String REVIEW_TABLES = """
      from review_pair r
      left join crosswalk lc on lc.source = r.left_source and lc.source_id = r.left_id
      left join crosswalk rc on rc.source = r.right_source and rc.source_id = r.right_id
      left join source_record lr on lr.source = r.left_source and lr.source_id = r.left_id
      left join source_record rr on rr.source = r.right_source and rr.source_id = r.right_id""";

  private static final String SELECT_REVIEWS = REVIEW_COLUMNS + "\n" + REVIEW_TABLES;

  /** Pairs no steward but $N has a claim on that lasts (every pair when $N is null). */
  private static String availableTo(int n) {
    return " and ($" + n + "::text is null or r.claimed_by is null or r.claimed_until <= now() or r.claimed_by = $"
        + n + ")";
  }

  /** A page of the queue in id order; with $4, only the pairs available to that steward. */
  static final String REVIEWS = SELECT_REVIEWS + " where r.status = $1 and r.id > $2" + availableTo(4)
      + " order by r.id limit $3";

  /**
   * A page of the queue by what is at stake, most first: the higher 12-month value of the two records' profiles
   * (column 19), then id. $2, $3: the value and id of the last pair of the page before (null for the first page);
   * with $5, only the pairs available to that steward. The pairs are ranked on their profiles' values alone, and
   * only the page's pairs read their records.
   */
  static final String REVIEWS_BY_VALUE = """
      with ranked as (
        select r.id, greatest(coalesce(lp.value_12m, 0), coalesce(rp.value_12m, 0)) as stake
        from review_pair r
        left join crosswalk lc on lc.source = r.left_source and lc.source_id = r.left_id
        left join crosswalk rc on rc.source = r.right_source and rc.source_id = r.right_id
        left join profile lp on lp.profile_id = lc.profile_id
        left join profile rp on rp.profile_id = rc.profile_id
        where r.status = $1""" + availableTo(5) + "),\n" + """
      page as (
        select id, stake from ranked
        where $2::text is null or stake < $2::text::numeric or (stake = $2::text::numeric and id > $3)
        order by stake desc, id limit $4)
      """ + REVIEW_COLUMNS + ", page.stake\n" + REVIEW_TABLES + """

      join page on page.id = r.id
      order by page.stake desc, r.id""";

  /**
   * A page of the pairs of which a record is in profile $4 now, in id order; a merged-away profile stands for the
   * profile its records went to (a steward's link may name it).
   */
  static final String PROFILE_REVIEWS = SELECT_REVIEWS + """
       where r.status = $1 and r.id > $2 and r.id in (
        with recursive survivor(id) as (
          select $4::uuid
          union
          select p.merged_into from profile p join survivor s on p.profile_id = s.id where p.merged_into is not null)
        select p.id from crosswalk c join review_pair p on p.left_source = c.source and p.left_id = c.source_id
        where c.profile_id in (select id from survivor)
        union
        select p.id from crosswalk c join review_pair p on p.right_source = c.source and p.right_id = c.source_id
        where c.profile_id in (select id from survivor))
      order by r.id limit $3""";

  static final String REVIEW = SELECT_REVIEWS + " where r.id = $1";

  /**
   * A pair, locked, with its records' versions (null for one no longer stored), the pair's version, and its
   * claim while it lasts.
   */
  static final String LOCK_REVIEW = """
      select r.left_source, r.left_id, r.right_source, r.right_id, r.status, r.decided_by, r.decided_at,
             lr.version, rr.version, case when r.claimed_until > now() then r.claimed_by end, r.claimed_until
      from review_pair r
      left join source_record lr on lr.source = r.left_source and lr.source_id = r.left_id
      left join source_record rr on rr.source = r.right_source and rr.source_id = r.right_id
      where r.id = $1 for update of r""";

  /**
   * The profiles the crosswalk puts a pair's two records in, written or not: a batch commits its crosswalk rows
   * in its first transaction and the rows of the profiles it creates in its second.
   */
  static final String PAIR_RECORDS = """
      select source, source_id, profile_id from crosswalk
      where (source = $1 and source_id = $2) or (source = $3 and source_id = $4)""";

  /**
   * The written profiles of a pair's two records, locked, with what decides which one survives a merge (an
   * outer join would keep a profile not written yet, but the nullable side of one cannot be locked).
   */
  static final String PAIR_PROFILES = """
      select c.source, c.source_id, p.profile_id, p.kind, p.created_at,
             (select count(*) from crosswalk m where m.profile_id = p.profile_id)
      from crosswalk c join profile p on p.profile_id = c.profile_id
      where (c.source = $1 and c.source_id = $2) or (c.source = $3 and c.source_id = $4)
      order by p.profile_id for update of p""";

  static final String DECIDE = """
      update review_pair set status = $2, decided_by = $3, decided_at = now(), claimed_by = null,
             claimed_until = null
      where id = $1""";

  /**
   * Claims open pair $1 for steward $2 for $3 seconds, unless another steward's claim lasts; answers the claim, or
   * nothing when it was not given.
   */
  static final String CLAIM = """
      update review_pair set claimed_by = $2, claimed_until = now() + make_interval(secs => $3)
      where id = $1 and status = 'open' and (claimed_by is null or claimed_until <= now() or claimed_by = $2)
      returning claimed_by, claimed_until""";

  /** Pair $1's status and the claim on it while it lasts: why a claim was not given. */
  static final String CLAIM_STATE = """
      select status, case when claimed_until > now() then claimed_by end, claimed_until
      from review_pair where id = $1""";

  /** Gives up steward $2's claim on pair $1. */
  static final String RELEASE = """
      update review_pair set claimed_by = null, claimed_until = null where id = $1 and claimed_by = $2""";

  /** Open pairs and the seconds the oldest has waited, through the partial index of open pairs by age. */
  static final String REVIEW_BACKLOG = """
      select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::float8
      from review_pair where status = 'open'""";

  /**
   * The pairs stewards merged that join record ($1, $2) to a record now in profile $3, with that record: what taking
   * the record out of the profile would part.
   */
  static final String MERGED_PARTNERS = """
      select p.id, p.decided_by, p.right_source, p.right_id from review_pair p
      join crosswalk c on c.source = p.right_source and c.source_id = p.right_id
      where p.left_source = $1 and p.left_id = $2 and p.status = 'merged' and c.profile_id = $3
      union all
      select p.id, p.decided_by, p.left_source, p.left_id from review_pair p
      join crosswalk c on c.source = p.left_source and c.source_id = p.left_id
      where p.right_source = $1 and p.right_id = $2 and p.status = 'merged' and c.profile_id = $3
      order by 1""";

  /**
   * The open pairs between a record of profile $1 and one of $2, which a steward is merging: the steward said the
   * two profiles' records are one customer, which settles the pairs between them, and the queue no longer shows
   * them (moot, by that steward). A merge by ingest leaves them open: a chain of matches may still have joined two
   * people, which a steward can part. Run before the records move.
   */
  static final String MOOT_REVIEWS = """
      update review_pair r set status = 'moot', decided_by = $3, decided_at = now(), claimed_by = null,
        claimed_until = null
      from crosswalk lc, crosswalk rc
      where r.status = 'open'
        and lc.source = r.left_source and lc.source_id = r.left_id
        and rc.source = r.right_source and rc.source_id = r.right_id
        and (lc.profile_id = $1 and rc.profile_id = $2 or lc.profile_id = $2 and rc.profile_id = $1)""";

  /** Steward decisions made outside the queue (a merge or a split of profiles), over whatever was known. */
  static final String DECIDE_PAIRS = """
      insert into review_pair (left_source, left_id, right_source, right_id, score, explanation, status, decided_by,
                               decided_at)
      select ls, li, rs, ri, case when $5 = 'merged' then 1.0 else 0.0 end, $7::text::jsonb, $5, $6, now()
      from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(ls, li, rs, ri)
      on conflict (left_source, left_id, right_source, right_id) do update
        set status = excluded.status, decided_by = excluded.decided_by, decided_at = excluded.decided_at""";

  /**
   * A steward merging profiles {@code $1} and {@code $2} says their records are one customer: every pair kept
   * apart between a record of one and a record of the other is merged from now on. Run before the records move.
   */
  static final String MERGE_KEPT_APART = """
      update review_pair r set status = 'merged', decided_by = $3, decided_at = now()
      from crosswalk lc, crosswalk rc
      where r.status = 'kept-apart'
        and lc.source = r.left_source and lc.source_id = r.left_id
        and rc.source = r.right_source and rc.source_id = r.right_id
        and (lc.profile_id = $1 and rc.profile_id = $2 or lc.profile_id = $2 and rc.profile_id = $1)
      returning r.left_source, r.left_id, r.right_source, r.right_id""";

  /** Profiles with their records and the values set on them by hand, locked. */
  static final String LOCK_PROFILES = """
      select p.profile_id, p.status, p.kind, p.merged_into, c.source, c.source_id, p.overrides::text, p.version
      from profile p left join crosswalk c on c.profile_id = p.profile_id
      where p.profile_id = any($1::uuid[]) order by p.profile_id, c.source, c.source_id for update of p""";

  /**
   * Which of the profiles {@code $1}, found without a row, the crosswalk names all the same: each is being written
   * by the batch that linked records into it (its first transaction commits the crosswalk rows, its second the
   * profile's row).
   */
  static final String PROFILE_OF_RECORD = "select profile_id from crosswalk where source = $1 and source_id = $2";

  static final String LINKED_PROFILES = """
      select distinct profile_id from crosswalk where profile_id = any($1::uuid[])""";

  /** Sets one attribute's override ({@code $3}: its entry, value with who, when and why). */
  static final String SET_OVERRIDE = """
      update profile set overrides = coalesce(overrides, '{}'::jsonb) || jsonb_build_object($2::text, $3::text::jsonb)
      where profile_id = $1""";

  static final String OVERRIDES_OF = "select overrides::text from profile where profile_id = $1";

  /** The overrides of attributes $3 leave profile $1 for profile $2, which a split has just made. */
  static final String MOVE_OVERRIDES = """
      with taken as (
        select jsonb_object_agg(e.key, e.value) as o from profile p, jsonb_each(p.overrides) e
        where p.profile_id = $1 and e.key = any($3::text[])),
      given as (
        update profile set overrides = coalesce(overrides, '{}'::jsonb) || (select o from taken) where profile_id = $2)
      update profile set overrides = nullif(overrides - $3::text[], '{}'::jsonb) where profile_id = $1""";

  static final String REMOVE_OVERRIDE = """
      update profile set overrides = nullif(overrides - $2::text, '{}'::jsonb) where profile_id = $1""";

  static final String AUDIT_PAGE = """
      select id, at, actor, action, subject, detail::text from audit_log
      where ($1::text is null or subject = $1) and id > $2 order by id limit $3""";

  /**
   * The newest $2 entries of a profile's history, newest first: those about profile $1, and the decisions to keep
   * apart a review pair of which a record is in it now (the pair is their subject: the records may move, the
   * decision stays theirs). A merge decided on a pair shows as the profile's merge already.
   */
  static final String PROFILE_AUDIT_LATEST = """
      select at, actor, action, detail::text, id from audit_log where subject = 'profile:' || $1::uuid::text
      union all
      select a.at, a.actor, a.action, a.detail::text, a.id from audit_log a where a.action = 'review.kept-apart'
        and a.subject in (
          select 'review_pair:' || p.id from crosswalk c
          join review_pair p on p.left_source = c.source and p.left_id = c.source_id
          where c.profile_id = $1::uuid and p.status = 'kept-apart'
          union
          select 'review_pair:' || p.id from crosswalk c
          join review_pair p on p.right_source = c.source and p.right_id = c.source_id
          where c.profile_id = $1::uuid and p.status = 'kept-apart')
      order by id desc limit $2""";

  static final String AUDIT = """
      insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4::text::jsonb)""";

  // The erasure of a customer (CustomerErasure). $1, $2: the source and source id arrays of its records.

  /** The orders that name one of the customer's records as their customer. */
  static final String ERASURE_ORDERS = """
      select o.source, o.source_id from customer_order o
      join unnest($1::text[], $2::text[]) as k(source, source_id)
        on o.customer_source = k.source and o.customer_source_id = k.source_id
      union
      select o.source, o.source_id from retired_key r
      join customer_order o on o.customer_source = r.source and o.customer_source_id = r.source_id
      where r.profile_id = $3""";

  /** The keys of the customer's records their sources deleted, kept for their orders: erased with the rest. */
  static final String ERASURE_RETIRED_KEYS = "select source, source_id from retired_key where profile_id = $1";

  static final String ERASE_RETIRED_KEYS = "delete from retired_key where profile_id = any($1::uuid[])";

  /** The profile $1 and every profile merged into it, at any remove: the rows, notes and history it made. */
  static final String ERASURE_PROFILES = """
      with recursive tree(id) as (
        select $1::uuid
        union
        select p.profile_id from profile p join tree t on p.merged_into = t.id)
      select id from tree""";

  /**
   * The customer's earlier profiles: merged away (into a profile that later let the records go, by a split say)
   * holding only the customer's records ($1, $2) when they were merged away, as their stored body names them. A
   * rare action: the merged-away profiles are read without an index.
   */
  static final String ERASURE_EARLIER_PROFILES = """
      select p.profile_id from profile p
      where p.status = 'merged' and json_typeof(p.body -> 'records') = 'array'
        and json_array_length(p.body -> 'records') > 0
        and not exists (
          select 1 from json_array_elements(p.body -> 'records') r
          where not exists (select 1 from unnest($1::text[], $2::text[]) as k(source, source_id)
                            where k.source = r ->> 'source' and k.source_id = r ->> 'sourceId'))""";

  /**
   * The body a merged-away profile kept of the moment it was merged away, where it holds one of the customer's
   * records beside another customer's: nothing reads it (its id redirects), and it holds the customer's values.
   */
  static final String ERASE_EARLIER_BODIES = """
      update profile p set body = null
      where p.status = 'merged' and json_typeof(p.body -> 'records') = 'array'
        and exists (select 1 from json_array_elements(p.body -> 'records') r
                    join unnest($1::text[], $2::text[]) as k(source, source_id)
                      on k.source = r ->> 'source' and k.source_id = r ->> 'sourceId')""";

  /**
   * What stewards wrote on other profiles about the customer: the merge of one of its profiles ($1: ids as text)
   * into another, and a split that took its records ($2: keys as source:sourceId) out of another customer's profile.
   */
  static final String ERASE_AUDIT_MENTIONS = """
      update audit_log set detail = jsonb_build_object('erased', true)
      where action = 'profile.merge' and detail ->> 'merged' = any($1::text[])
        or action = 'profile.split' and detail -> 'records' ?| $2::text[]""";

  /**
   * Each record keeps a row that says nothing but its key and when it was erased: ingest answers a source that
   * sends it again "erased" and stores nothing (its content hash and time stay, which no reader can turn back).
   */
  static final String ERASE_RECORDS = """
      update source_record r set deleted = true, erased_at = now(), raw = null, standard = null, key_hashes = '{}',
        canonical = json_build_object('source', r.source, 'sourceId', r.source_id, 'kind', r.kind, 'deleted', true)
      from unnest($1::text[], $2::text[]) as k(source, source_id)
      where r.source = k.source and r.source_id = k.source_id""";

  static final String ERASE_CROSSWALK = """
      delete from crosswalk c using unnest($1::text[], $2::text[]) as k(source, source_id)
      where c.source = k.source and c.source_id = k.source_id""";

  static final String ERASE_ORDER_ROWS = """
      delete from customer_order o using unnest($1::text[], $2::text[]) as k(source, source_id)
      where o.source = k.source and o.source_id = k.source_id""";

  /** Every pair with one of the records, open or decided: about a customer who is gone, each is moot. */
  static final String ERASE_PAIRS = """
      delete from review_pair where id in (
        select p.id from review_pair p join unnest($1::text[], $2::text[]) as k(source, source_id)
          on p.left_source = k.source and p.left_id = k.source_id
        union
        select p.id from review_pair p join unnest($1::text[], $2::text[]) as k(source, source_id)
          on p.right_source = k.source and p.right_id = k.source_id)
      returning id, status, left_source, left_id, right_source, right_id""";

  /**
   * The profiles merged into the erased one go with it: nothing answers for their ids any more, not even a redirect
   * saying that two ids were one person (the erased profile's own row is written by
   * {@code ProfileStore.writeErased}); their new versions, for the cache's tombstones.
   */
  static final String ERASE_MERGED_PROFILES = """
      update profile set status = 'deleted', merged_into = null, version = version + 1, body = null, overrides = null,
        risk_codes = '{}', updated_at = now()
      where profile_id = any($1::uuid[]) and merged_into is not null
      returning profile_id, version""";


  /**
   * The note of a split of one of the profiles ({@code $1}: audit subjects) kept where the records it moved went:
   * their crosswalk rows, found through the split's audit entry before that is scrubbed (source names hold no
   * {@code :}; each row by its key).
   */
  static final String ERASE_SPLIT_NOTES = """
      update crosswalk c set match = (c.match::jsonb - 'note')::json
      from audit_log a, jsonb_array_elements_text(a.detail->'records') as moved(record_key)
      where a.subject = any($1::text[]) and a.action = 'profile.split' and a.detail ? 'newProfile'
        and c.source = split_part(moved.record_key, ':', 1)
        and c.source_id = substr(moved.record_key, length(split_part(moved.record_key, ':', 1)) + 2)
        and c.match->>'decision' = 'split'""";

  /**
   * Stewards' notes and override values about the profiles ({@code $1}: audit subjects) and their merges, and the
   * note a split left on the profile it made out of one of them (a rare action: read without an index).
   */
  static final String ERASE_AUDIT_DETAILS = """
      update audit_log set detail = jsonb_build_object('erased', true) where subject = any($1::text[])
        or action = 'profile.split' and 'profile:' || (detail->>'splitFrom') = any($1::text[])""";

  static final String ERASE_MERGE_REASONS = """
      update merge_history set reason = null where survivor = any($1::uuid[]) or merged = any($1::uuid[])""";
}
