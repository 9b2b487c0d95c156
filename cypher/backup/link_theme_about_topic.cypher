// name: link_theme_about_topic :write
// Restore (Theme)-[:ABOUT]->(Topic) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Theme {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:ABOUT]->(b)
SET r = row[2]
RETURN count(r) AS created
