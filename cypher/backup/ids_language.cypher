// name: ids_language :scalar
// One page of Language ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Language)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
