// name: link_district_part_of_municipality :write
// Restore (District)-[:PART_OF]->(Municipality) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:District {id: row[0]})
MATCH (b:Municipality {id: row[1]})
CREATE (a)-[r:PART_OF]->(b)
SET r = row[2]
RETURN count(r) AS created
