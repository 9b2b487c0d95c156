// name: link_district_part_of_municipality :write
// Bulk-create (District)-[:PART_OF]->(Municipality) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:District {id: row[0]})
MATCH (b:Municipality {id: row[1]})
CREATE (a)-[r:PART_OF]->(b)
RETURN count(r) AS created
