// name: rels_building_block_run_by_actor :many
// The (BuildingBlock)-[:RUN_BY]->(Actor) relationships of the BuildingBlock nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:BuildingBlock {id: id})-[r:RUN_BY]->(m:Actor)
RETURN n.id AS source, m.id AS target, properties(r) AS props
