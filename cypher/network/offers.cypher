// name: offers :many
// The offers of one municipality with their running time and the ids of their topics and served districts.
MATCH (o:Offer {municipality_id: $municipality_id})
RETURN o {
  .id, .name, .category, .circle, .actor_id, .description, .address, .phone, .email, .hours,
  .valid_until,
  valid_from: coalesce(o.valid_from, head([(o)<-[:CHANGED]-(c:DirectoryChange) WHERE c.action = 'create' | substring(c.at, 0, 10)])),
  topics: [(o)-[:COVERS]->(t:Topic) | t.id],
  districts: [(o)-[:SERVES]->(d:District) | d.id]
} AS offer
