// name: purge_cases :write
// Delete closed cases past retention (their aggregates were kept), with all their links.
MATCH (c:Case {municipality_id: $municipality_id, phase: 'closed'})
WHERE c.closed_on < $cutoff AND (c.aggregated = true OR NOT (c)-[:HAS_NEED]->())
DETACH DELETE c
RETURN count(*) AS deleted
