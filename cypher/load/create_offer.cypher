// name: create_offer :write
// Bulk-create Offer nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Offer)
SET n = row
RETURN count(n) AS created
