// name: link_district_neighbour_of_district :write
// Bulk-create (District)-[:NEIGHBOUR_OF]->(District) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:District {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:NEIGHBOUR_OF]->(b)
RETURN count(r) AS created
