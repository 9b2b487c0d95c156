// name: link_district_neighbour_of_district :write
// Create (District)-[:NEIGHBOUR_OF]->(District) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:District {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:NEIGHBOUR_OF]->(b)
SET r = row[2]
RETURN count(r) AS created
