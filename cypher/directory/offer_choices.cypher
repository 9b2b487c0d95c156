// name: offer_choices :many
// The offers of a municipality running on $today, each with its organisation and the districts it serves (for the offer picker).
MATCH (o:Offer {municipality_id: $municipality_id})-[:PROVIDED_BY]->(a:Actor)
WHERE (o.valid_from IS NULL OR o.valid_from <= $today)
  AND (o.valid_until IS NULL OR o.valid_until >= $today)
OPTIONAL MATCH (o)-[:SERVES]->(d:District)
RETURN o.id AS id, o.name AS name, a.name AS actor, collect(d.name) AS districts
