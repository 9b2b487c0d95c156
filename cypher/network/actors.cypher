// name: actors :many
// The organisations of one municipality with their directory details and first and last day in the network (no case data).
MATCH (a:Actor {municipality_id: $municipality_id})
RETURN a {
  .id, .name, .kind, .district_id, .description, .address, .phone, .email, .website,
  .retired_on,
  since: coalesce(a.since, head([(a)<-[:CHANGED]-(c:DirectoryChange) WHERE c.action = 'create' | substring(c.at, 0, 10)]))
} AS actor
