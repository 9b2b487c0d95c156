// name: set_consent :write
// Record a confidentiality waiver for one topic (signed, later withdrawn), version-checked.
MATCH (c:Case {pseudonym: $pseudonym})
WHERE c.version = $version
MATCH (t:Topic {id: $topic})
MERGE (c)-[k:CONSENT]->(t)
SET k.signed_on = $signed_on, k.withdrawn_on = $withdrawn_on, c.version = c.version + 1
RETURN c.version AS version
