// name: ids_topic :scalar
// One page of Topic ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Topic)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
