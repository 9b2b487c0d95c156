// name: forget_link_counts :write
// Remove every offer's stored link counts, as in a graph written by an older graphsvc.
MATCH (o:Offer)
REMOVE o.links_accepted, o.links_decided
RETURN count(o) AS offers
