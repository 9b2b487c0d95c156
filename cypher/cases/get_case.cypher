// name: get_case :one
// A case with its needs, consents and help network (links with offer and organisation).
MATCH (c:Case {pseudonym: $pseudonym})
OPTIONAL MATCH (c)-[n:HAS_NEED]->(t:Topic)
WITH c, collect(CASE WHEN t IS NULL THEN NULL ELSE
  {topic: t.id, name_de: t.name_de, name_en: t.name_en, status: n.status, since: n.since,
   outcome: n.outcome} END) AS needs
OPTIONAL MATCH (c)-[k:CONSENT]->(kt:Topic)
WITH c, needs, collect(CASE WHEN kt IS NULL THEN NULL ELSE
  {topic: kt.id, signed_on: k.signed_on, withdrawn_on: k.withdrawn_on} END) AS consents
OPTIONAL MATCH (c)-[l:LINKED_TO]->(o:Offer)-[:PROVIDED_BY]->(a:Actor)
RETURN c {.*} AS case, needs, consents,
       collect(CASE WHEN o IS NULL THEN NULL ELSE
         {id: l.id, mode: l.mode, status: l.status, topic: l.topic, since: l.since,
          until: l.until, self_referral: l.self_referral, feedback: l.feedback,
          reason: l.reason, decline_reason: l.decline_reason, decline_text: l.decline_text,
          answered_by: l.answered_by, answered_on: l.answered_on,
          offer_id: o.id, offer_name: o.name, actor_id: a.id,
          actor_name: a.name} END) AS links
