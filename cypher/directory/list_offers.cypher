// name: list_offers :many
// Offers of a municipality, optionally only those covering $topic_id, serving $district_id or of $category, by name.
MATCH (o:Offer {municipality_id: $municipality_id})-[:PROVIDED_BY]->(a:Actor)
WHERE $category IS NULL OR o.category = $category
WITH o, a, [(o)-[:COVERS]->(t:Topic) | t.id] AS topics,
     [(o)-[:SERVES]->(d:District) | d.id] AS districts
WHERE ($topic_id IS NULL OR $topic_id IN topics)
  AND ($district_id IS NULL OR $district_id IN districts)
RETURN o {.id, .name, .category, .circle, .valid_from, .valid_until, .waiting_days} AS offer,
       a {.id, .name} AS actor, topics
ORDER BY offer.name, offer.id
LIMIT 1000
