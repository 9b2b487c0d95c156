// name: ids_municipality :scalar
// One page of Municipality ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Municipality)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
