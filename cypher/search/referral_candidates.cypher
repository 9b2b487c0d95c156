// name: referral_candidates :many
// Offers of a municipality valid on $today that cover any of $topic_ids, with every fact the ranking and the result rows need (language, district and target-group ids and link counts are kept on the offer).
MATCH (o:Offer {municipality_id: $municipality_id})-[:COVERS]->(t:Topic)
WHERE t.id IN $topic_ids
  AND (o.valid_from IS NULL OR o.valid_from <= $today)
  AND (o.valid_until IS NULL OR o.valid_until >= $today)
WITH o, collect(t.id) AS covered
MATCH (o)-[:PROVIDED_BY]->(a:Actor)
RETURN o {.id, .name, .category, .age_min, .age_max, .genders, .residence_statuses,
          .waiting_days, .circle, .valid_until, .phone, .case_management} AS offer,
       covered, o.language_ids AS languages, o.district_ids AS districts,
       o.target_group_ids AS target_groups, a {.id, .name} AS actor,
       o.links_accepted AS accepted, o.links_decided AS decided
