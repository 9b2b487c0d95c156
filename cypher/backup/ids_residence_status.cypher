// name: ids_residence_status :scalar
// One page of ResidenceStatus ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:ResidenceStatus)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
