// name: offers :many
// The offers of one municipality with the ids of their topics and served districts.
MATCH (o:Offer {municipality_id: $municipality_id})
RETURN o {
  .id, .name, .category, .circle, .actor_id, .description, .address, .phone, .email, .hours,
  topics: [(o)-[:COVERS]->(t:Topic) | t.id],
  districts: [(o)-[:SERVES]->(d:District) | d.id]
} AS offer
