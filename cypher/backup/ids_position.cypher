// name: ids_position :scalar
// One page of Position ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Position)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
