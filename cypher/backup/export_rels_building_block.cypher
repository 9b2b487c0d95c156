// name: export_rels_building_block :many
// The outgoing relationships of the BuildingBlock nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:BuildingBlock {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
