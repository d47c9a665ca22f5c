-- A steward asks for the review pairs of one profile (GET /reviews?profile=ID): its records come from the
-- crosswalk, and the pairs they are in from review_pair, found by the left record through the unique key and by
-- the right one through this index.
create index review_pair_right on review_pair (right_source, right_id);
