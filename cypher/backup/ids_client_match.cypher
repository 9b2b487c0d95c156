// name: ids_client_match :scalar
// One page of ClientMatch ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:ClientMatch)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
