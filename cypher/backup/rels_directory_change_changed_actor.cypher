// name: rels_directory_change_changed_actor :many
// The (DirectoryChange)-[:CHANGED]->(Actor) relationships of the DirectoryChange nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:DirectoryChange {id: id})-[r:CHANGED]->(m:Actor)
RETURN n.id AS source, m.id AS target, properties(r) AS props
