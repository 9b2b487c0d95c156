// name: open_case :write
// Open a case with a fresh pseudonym (counter per prefix) and its first needs, in one step.
MATCH (a:Actor {id: $actor_id})
MATCH (d:District {id: $district_id})
WHERE d.municipality_id = a.municipality_id
MATCH (u:User {id: $user_id})
MERGE (k:Counter {id: $prefix})
ON CREATE SET k.value = 0
SET k.value = k.value + 1
WITH a, d, u, $prefix + '-' + CASE WHEN k.value < 10000
  THEN substring(toString(10000 + k.value), 1) ELSE toString(k.value) END AS pseudonym
CREATE (c:Case {id: pseudonym, pseudonym: pseudonym})
SET c += $attributes, c.municipality_id = a.municipality_id, c.actor_id = a.id,
    c.district_id = d.id, c.phase = 'intake', c.version = 1, c.opened_on = $today,
    c.phase_history = [$today + ' intake']
CREATE (c)-[:HELD_BY]->(a)
CREATE (c)-[:MANAGED_BY]->(u)
CREATE (c)-[:LIVES_IN]->(d)
WITH c
UNWIND $needs AS need
MATCH (t:Topic {id: need})
CREATE (c)-[:HAS_NEED {status: 'open', since: $today}]->(t)
RETURN DISTINCT c.pseudonym AS pseudonym
