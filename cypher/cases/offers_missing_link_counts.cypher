// name: offers_missing_link_counts :many
// Linked offers that carry no link counts yet (data written before offers kept them).
MATCH (o:Offer)<-[:LINKED_TO]-(:Case)
WHERE o.links_decided IS NULL
RETURN DISTINCT o.id AS id
