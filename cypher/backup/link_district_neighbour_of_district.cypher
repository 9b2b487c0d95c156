// name: link_district_neighbour_of_district :write
// Restore (District)-[:NEIGHBOUR_OF]->(District) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:District {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:NEIGHBOUR_OF]->(b)
SET r = row[2]
RETURN count(r) AS created
