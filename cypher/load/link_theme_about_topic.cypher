// name: link_theme_about_topic :write
// Bulk-create (Theme)-[:ABOUT]->(Topic) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Theme {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:ABOUT]->(b)
RETURN count(r) AS created
