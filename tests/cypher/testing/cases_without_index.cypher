// name: cases_without_index :many
// Cases found by a property without an index: a scan of every case (the query-shape test's
// proof that it sees one).
MATCH (c:Case)
WHERE c.district_id = $district_id
RETURN c.pseudonym AS pseudonym
