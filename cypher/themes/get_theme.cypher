// name: get_theme :one
// One theme of the municipality with its topic and district ids and linked pseudonyms.
MATCH (th:Theme {id: $id, municipality_id: $municipality_id})
RETURN th {.id, .title, .description, .status, .created_by, .created_at, .updated_at,
           .closed_at, .version,
           topics: [(th)-[:ABOUT]->(t:Topic) | t.id],
           districts: [(th)-[:AFFECTS]->(d:District) | d.id],
           cases: [(th)-[:SEEN_IN]->(c:Case) | c.pseudonym]} AS theme
