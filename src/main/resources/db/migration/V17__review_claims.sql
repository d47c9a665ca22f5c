-- A steward's claim on an open review pair: who is working on it and until when. Stewards sharing the queue skip
-- pairs another has claimed, and only the claimant may decide one while the claim lasts; a claim lapses by itself
-- (a closed browser tab releases nothing), and a decision ends it.
alter table review_pair add column claimed_by text, add column claimed_until timestamptz;
