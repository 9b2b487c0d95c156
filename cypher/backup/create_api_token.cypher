// name: create_api_token :write
// Restore ApiToken nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:ApiToken)
SET n = row
RETURN count(n) AS created
