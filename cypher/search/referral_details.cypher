// name: referral_details :many
// For a few offers: organisation, contact and how colleagues' referrals to them were decided.
MATCH (o:Offer)
WHERE o.id IN $offer_ids
OPTIONAL MATCH (o)<-[r:LINKED_TO]-(:Case)
WITH o,
     sum(CASE WHEN r.status IN $accepted_statuses THEN 1 ELSE 0 END) AS accepted,
     sum(CASE WHEN r.status IN $decided_statuses THEN 1 ELSE 0 END) AS decided
MATCH (o)-[:PROVIDED_BY]->(a:Actor)
RETURN o.id AS id, o {.circle, .valid_until, .phone} AS contact, a {.id, .name} AS actor,
       accepted, decided
