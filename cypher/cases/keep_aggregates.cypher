// name: keep_aggregates :write
// Before deleting expired cases, count their needs per district, topic, outcome and year.
MATCH (c:Case {municipality_id: $municipality_id, phase: 'closed'})-[n:HAS_NEED]->(t:Topic)
WHERE c.closed_on < $cutoff AND c.aggregated IS NULL
WITH c, n, t, c.municipality_id + '|' + c.district_id + '|' + t.id + '|' + n.status + '|'
     + substring(c.opened_on, 0, 4) AS key
MERGE (s:CaseAggregate {id: key})
ON CREATE SET s.n = 0, s.municipality_id = c.municipality_id, s.district_id = c.district_id,
              s.topic = t.id, s.outcome = n.status, s.year = substring(c.opened_on, 0, 4)
SET s.n = s.n + 1
WITH DISTINCT c
SET c.aggregated = true
RETURN count(c) AS cases
