// name: get_actor :one
// One organisation with its district, offers, and the working groups and cooperation partners it has on $today.
MATCH (a:Actor {id: $actor_id})
OPTIONAL MATCH (a)-[:LOCATED_IN]->(d:District)
WITH a, d {.id, .name} AS district
OPTIONAL MATCH (a)<-[:PROVIDED_BY]-(o:Offer)
WITH a, district, collect(DISTINCT o {.id, .name, .category, .circle, .valid_until}) AS offers
OPTIONAL MATCH (a)-[m:MEMBER_OF]->(w:WorkingGroup)
WHERE coalesce(m.since, $today) <= $today AND coalesce(m.until, $today) >= $today
WITH a, district, offers, collect(DISTINCT w {.id, .name, role: m.role}) AS working_groups
OPTIONAL MATCH (a)-[c:COOPERATES_WITH]-(p:Actor)
WHERE coalesce(c.since, $today) <= $today AND coalesce(c.until, $today) >= $today
RETURN a {.*} AS actor, district, offers, working_groups,
       collect(DISTINCT p {.id, .name, kind: c.kind}) AS partners
