// name: set_need :write
// Add a need (topic) to a case or change its status, with a version check.
MATCH (c:Case {pseudonym: $pseudonym})
WHERE c.version = $version AND c.phase <> 'closed'
MATCH (t:Topic {id: $topic})
MERGE (c)-[n:HAS_NEED]->(t)
ON CREATE SET n.since = $today
SET n.status = $status, c.version = c.version + 1
RETURN c.version AS version
