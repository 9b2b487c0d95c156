// name: count_case_aggregate :scalar
// How many CaseAggregate nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:CaseAggregate)
RETURN count(n) AS n
