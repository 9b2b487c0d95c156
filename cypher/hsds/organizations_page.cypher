// name: organizations_page :many
// One page of actors (ordered by id) with their district, for HSDS organizations.
MATCH (a:Actor)
WITH a ORDER BY a.id SKIP $skip LIMIT $limit
OPTIONAL MATCH (a)-[:LOCATED_IN]->(d:District)
RETURN a {.*} AS actor, d {.id, .name} AS district
ORDER BY a.id
