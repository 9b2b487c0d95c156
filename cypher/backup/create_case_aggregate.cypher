// name: create_case_aggregate :write
// Restore CaseAggregate nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:CaseAggregate)
SET n = row
RETURN count(n) AS created
