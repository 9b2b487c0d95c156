// name: count_case_aggregate :scalar
// How many CaseAggregate nodes the graph holds.
MATCH (n:CaseAggregate)
RETURN count(n) AS n
