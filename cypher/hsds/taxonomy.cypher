// name: taxonomy :many
// Every topic and target group with its broader topic, for HSDS taxonomy terms.
MATCH (t:Topic)
OPTIONAL MATCH (t)-[:BROADER]->(b:Topic)
RETURN 'topic' AS kind, t.id AS id, t.name_de AS name_de, t.name_en AS name_en, b.id AS parent
UNION ALL
MATCH (g:TargetGroup)
RETURN 'target_group' AS kind, g.id AS id, g.name_de AS name_de, g.name_en AS name_en,
       null AS parent
