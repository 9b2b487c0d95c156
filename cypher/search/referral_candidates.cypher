// name: referral_candidates :many
// Offers of a municipality valid on $today that cover any of $topic_ids, with the facts the ranking needs (acceptance comes later, for the few that can reach the top).
MATCH (o:Offer {municipality_id: $municipality_id})-[:COVERS]->(t:Topic)
WHERE t.id IN $topic_ids
  AND (o.valid_from IS NULL OR o.valid_from <= $today)
  AND (o.valid_until IS NULL OR o.valid_until >= $today)
WITH o, collect(t.id) AS covered
OPTIONAL MATCH (o)-[:AVAILABLE_IN]->(l:Language)
WITH o, covered, collect(l.id) AS languages
OPTIONAL MATCH (o)-[:SERVES]->(d:District)
WITH o, covered, languages, collect(d.id) AS districts
OPTIONAL MATCH (o)-[:FOR]->(g:TargetGroup)
RETURN o {.id, .name, .category, .age_min, .age_max, .genders, .residence_statuses,
          .waiting_days} AS offer,
       covered, languages, districts, collect(g.id) AS target_groups
