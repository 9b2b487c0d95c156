// name: create_case_aggregate :write
// Create CaseAggregate nodes from $rows, one map of every property per node.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
CREATE (n:CaseAggregate)
SET n = row
RETURN count(n) AS created
