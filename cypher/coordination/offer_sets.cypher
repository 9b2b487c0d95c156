// name: offer_sets :many
// The offers of one municipality with their provider and the ids of their topics, served districts, target groups and languages (expiry is decided in Python: FalkorDB's range index answers `<` on strings wrongly).
MATCH (o:Offer {municipality_id: $municipality_id})-[:PROVIDED_BY]->(a:Actor)
RETURN o {
  .id, .name, .category, .valid_from, .valid_until, actor_id: a.id, actor_name: a.name,
  topics: [(o)-[:COVERS]->(t:Topic) | t.id],
  districts: [(o)-[:SERVES]->(d:District) | d.id],
  target_groups: [(o)-[:FOR]->(g:TargetGroup) | g.id],
  languages: [(o)-[:AVAILABLE_IN]->(l:Language) | l.id]
} AS offer
