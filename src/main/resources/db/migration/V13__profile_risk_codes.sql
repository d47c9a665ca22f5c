-- The codes of each profile's current risk tags, so that stewards can list the customers that have one
-- (GET /api/v1/profiles?risk=DATA_CONFLICT) without reading every profile's body. Written with the body on every
-- profile write (store.ProfileSql); the index holds only active profiles that have a tag, a small share of all.
alter table profile add column risk_codes text[] not null default '{}';
update profile set risk_codes = array(select t->>'code' from json_array_elements(body->'riskTags') as t)
where status = 'active' and json_typeof(body->'riskTags') = 'array' and json_array_length(body->'riskTags') > 0;
create index profile_risk_codes on profile using gin (risk_codes) where status = 'active' and risk_codes <> '{}';
