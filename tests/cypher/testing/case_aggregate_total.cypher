// name: case_aggregate_total :scalar
// The sum of all kept case aggregates.
MATCH (s:CaseAggregate)
RETURN sum(s.n) AS n
