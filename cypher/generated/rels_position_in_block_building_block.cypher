// name: rels_position_in_block_building_block :many
// The (Position)-[:IN_BLOCK]->(BuildingBlock) relationships of the Position nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Position {id: id})-[r:IN_BLOCK]->(m:BuildingBlock)
RETURN n.id AS source, m.id AS target, properties(r) AS props
