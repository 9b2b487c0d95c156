// name: topics :many
// All topics (problem fields) with their German and English names and broader topic.
MATCH (t:Topic)
OPTIONAL MATCH (t)-[:BROADER]->(b:Topic)
RETURN t {.id, .name_de, .name_en, broader: b.id} AS topic
ORDER BY topic.name_de
