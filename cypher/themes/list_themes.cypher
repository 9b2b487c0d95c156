// name: list_themes :many
// The municipality's generative themes with their topic and district ids and linked pseudonyms, newest first.
MATCH (th:Theme {municipality_id: $municipality_id})
RETURN th {.id, .title, .description, .status, .created_by, .created_at, .updated_at,
           .closed_at, .version,
           topics: [(th)-[:ABOUT]->(t:Topic) | t.id],
           districts: [(th)-[:AFFECTS]->(d:District) | d.id],
           cases: [(th)-[:SEEN_IN]->(c:Case) | c.pseudonym]} AS theme
ORDER BY theme.created_at DESC, theme.id
