// name: list_cases :many
// Cases held by an organisation, optionally only one user's, one phase or one open need;
// with the referrals still proposed since $follow_up_since or earlier (due for a follow-up).
MATCH (c:Case {actor_id: $actor_id})
WHERE ($user_id = '' OR (c)-[:MANAGED_BY]->(:User {id: $user_id}))
  AND ($phase = '' OR c.phase = $phase)
  AND ($topic = '' OR (c)-[:HAS_NEED]->(:Topic {id: $topic}))
OPTIONAL MATCH (c)-[n:HAS_NEED]->(t:Topic)
RETURN c {.pseudonym, .phase, .district_id, .opened_on, .age_band, .phase_history,
          .version} AS case,
       collect(t.name_de) AS needs,
       size([(c)-[l:LINKED_TO]->(:Offer)
             WHERE l.status = 'proposed' AND l.since <= $follow_up_since | l.id]) AS follow_ups
ORDER BY case.pseudonym DESC
LIMIT 500
