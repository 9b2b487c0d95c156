// name: ids_actor :scalar
// One page of Actor ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Actor)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
