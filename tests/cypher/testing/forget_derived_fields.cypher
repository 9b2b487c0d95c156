// name: forget_derived_fields :write
// Remove every offer's copied fields (link counts, facet ids), as in a graph written by an older graphsvc.
MATCH (o:Offer)
REMOVE o.links_accepted, o.links_decided, o.language_ids, o.district_ids, o.target_group_ids
RETURN count(o) AS offers
