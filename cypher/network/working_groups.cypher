// name: working_groups :many
// The working groups of one municipality with their organisers and members (roles, first and last day).
MATCH (w:WorkingGroup {municipality_id: $municipality_id})
RETURN w {
  .id, .name, .aim, .meets,
  organisers: [(w)-[:ORGANISED_BY]->(a:Actor) | a.id],
  members: [(m:Actor)-[r:MEMBER_OF]->(w) | {actor_id: m.id, role: r.role, since: r.since, until: r.until}]
} AS group
