// name: ids_meta :scalar
// One page of Meta ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Meta)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
