// name: offers_missing_derived_fields :many
// Offers without the fields the search reads from the offer itself (written by an older graphsvc): link counts or the ids of their languages, districts and target groups.
MATCH (o:Offer)
WHERE o.links_decided IS NULL OR o.district_ids IS NULL
RETURN o.id AS id
