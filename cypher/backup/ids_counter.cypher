// name: ids_counter :scalar
// One page of Counter ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Counter)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
