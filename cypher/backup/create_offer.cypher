// name: create_offer :write
// Restore Offer nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Offer)
SET n = row
RETURN count(n) AS created
