// name: link_district_part_of_municipality :write
// Create (District)-[:PART_OF]->(Municipality) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:District {id: row[0]})
MATCH (b:Municipality {id: row[1]})
CREATE (a)-[r:PART_OF]->(b)
SET r = row[2]
RETURN count(r) AS created
