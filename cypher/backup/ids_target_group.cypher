// name: ids_target_group :scalar
// One page of TargetGroup ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:TargetGroup)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
