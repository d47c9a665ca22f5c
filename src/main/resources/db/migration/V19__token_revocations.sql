-- Bearer tokens revoked before they expire: one token by its id (jti), or every token of a subject issued up to the
-- moment of revocation (a leaked service credential whose token ids nobody kept). Every node reads the rows in force
-- into memory at start and every auth.revocationRefreshSeconds; a token's row stops mattering once it has expired.
create table token_revocation (
  id            bigserial   primary key,
  token_id      text,
  subject       text,
  issued_before timestamptz,
  expires_at    timestamptz,
  reason        text,
  revoked_by    text        not null,
  revoked_at    timestamptz not null default now(),
  check ((token_id is null) <> (subject is null)),
  check (subject is null or issued_before is not null)
);
