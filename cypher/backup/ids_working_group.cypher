// name: ids_working_group :scalar
// One page of WorkingGroup ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:WorkingGroup)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
