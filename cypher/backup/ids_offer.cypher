// name: ids_offer :scalar
// One page of Offer ids in id order (SKIP $skip, LIMIT $page).
MATCH (n:Offer)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
