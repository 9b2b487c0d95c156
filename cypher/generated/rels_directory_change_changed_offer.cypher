// name: rels_directory_change_changed_offer :many
// The (DirectoryChange)-[:CHANGED]->(Offer) relationships of the DirectoryChange nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:DirectoryChange {id: id})-[r:CHANGED]->(m:Offer)
RETURN n.id AS source, m.id AS target, properties(r) AS props
