// name: ids_user :scalar
// One page of User ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:User)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
