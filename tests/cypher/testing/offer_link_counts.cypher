// name: offer_link_counts :one
// An offer's stored link counts beside a fresh count of its links (tests of the kept counts).
MATCH (o:Offer {id: $offer_id})
OPTIONAL MATCH (o)<-[r:LINKED_TO]-(:Case)
RETURN o.links_accepted AS stored_accepted, o.links_decided AS stored_decided,
       collect(r.status) AS statuses
