// name: create_offer :write
// Create Offer nodes from $rows, one map of every property per node.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
CREATE (n:Offer)
SET n = row
RETURN count(n) AS created
