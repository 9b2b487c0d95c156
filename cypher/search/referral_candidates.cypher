// name: referral_candidates :many
// Offers of a municipality valid on $today that cover any of $topic_ids, with every fact the ranking and the result rows need (link counts are kept on the offer).
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
WITH o, covered, languages, districts, collect(g.id) AS target_groups
MATCH (o)-[:PROVIDED_BY]->(a:Actor)
RETURN o {.id, .name, .category, .age_min, .age_max, .genders, .residence_statuses,
          .waiting_days, .circle, .valid_until, .phone} AS offer,
       covered, languages, districts, target_groups, a {.id, .name} AS actor,
       o.links_accepted AS accepted, o.links_decided AS decided
