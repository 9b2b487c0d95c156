// name: actor_districts :scalar
// The ids of the districts an organisation is located in (tests of the spreadsheet import).
MATCH (a:Actor {id: $actor_id})-[:LOCATED_IN]->(d:District)
RETURN collect(d.id) AS ids
