// name: ids_snapshot :scalar
// One page of Snapshot ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Snapshot)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
