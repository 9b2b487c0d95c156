// name: refresh_offer_link_counts :write
// Count again the accepted and decided links of the offers in $offer_ids (after a bulk load, or for data written before offers kept these counts).
UNWIND $offer_ids AS offer_id
MATCH (o:Offer {id: offer_id})
OPTIONAL MATCH (o)<-[r:LINKED_TO]-(:Case)
WITH o, sum(CASE WHEN r.status IN $accepted_statuses THEN 1 ELSE 0 END) AS accepted,
     sum(CASE WHEN r.status IN $decided_statuses THEN 1 ELSE 0 END) AS decided
SET o.links_accepted = accepted, o.links_decided = decided
RETURN count(o) AS refreshed
