// name: get_referral :one
// One referral to an offer of the organisation $actor_id (null when the offer is another's), with what the shared view needs.
MATCH (p:Actor {id: $actor_id})<-[:PROVIDED_BY]-(o:Offer)<-[l:LINKED_TO {id: $link_id}]-(c:Case)-[:HELD_BY]->(h:Actor)
OPTIONAL MATCH (c)-[k:CONSENT]->(:Topic {id: l.topic})
RETURN l.id AS id, l.version AS version, l.mode AS mode, l.status AS status, l.topic AS topic,
       l.since AS since, l.until AS until, l.self_referral AS self_referral,
       l.decline_reason AS decline_reason, l.decline_text AS decline_text,
       l.feedback AS feedback, l.answered_by AS answered_by, l.answered_on AS answered_on,
       o.id AS offer_id, o.name AS offer_name, p.name AS provider_name, h.name AS referred_by,
       c.pseudonym AS pseudonym, c.languages AS languages, c.age_band AS age_band,
       CASE WHEN k IS NULL THEN NULL ELSE {signed_on: k.signed_on, withdrawn_on: k.withdrawn_on} END AS consent
