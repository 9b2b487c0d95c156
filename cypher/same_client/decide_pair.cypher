// name: decide_pair :write
// Confirm or reject an open pair of the municipality, with who and when; a decided pair
// is not changed again (empty result).
MATCH (m:SameClientPair {id: $pair_id})
WHERE m.municipality_id = $municipality_id AND m.status = 'open'
SET m.status = $status, m.decided_by = $username, m.decided_on = $today
RETURN m.id AS id, m.status AS status, m.case_a AS case_a, m.case_b AS case_b
