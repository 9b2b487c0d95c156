// name: referral_sample :many
// The organisations of a case's municipality with the most referrals still proposed, with those referrals (id, version): what the referral benchmarks read and answer.
MATCH (c:Case {pseudonym: $pseudonym})
MATCH (a:Actor {municipality_id: c.municipality_id})<-[:PROVIDED_BY]-(:Offer)<-[l:LINKED_TO]-(:Case)
WHERE l.status = 'proposed'
WITH a, l ORDER BY l.id
WITH a, collect({id: l.id, version: coalesce(l.version, 1)}) AS links
RETURN a.id AS actor_id, links
ORDER BY size(links) DESC, actor_id
LIMIT $limit
