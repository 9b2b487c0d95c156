// name: get_offer :one
// One offer with its organisation, topics, districts, languages, target groups, the organisation's working groups on $today and other offers.
MATCH (o:Offer {id: $offer_id})-[:PROVIDED_BY]->(a:Actor)
OPTIONAL MATCH (o)-[:COVERS]->(t:Topic)
WITH o, a, collect(DISTINCT t {.id, .name_de, .name_en}) AS topics
OPTIONAL MATCH (o)-[:SERVES]->(d:District)
WITH o, a, topics, collect(DISTINCT d {.id, .name}) AS districts
OPTIONAL MATCH (o)-[:AVAILABLE_IN]->(l:Language)
WITH o, a, topics, districts, collect(DISTINCT l {.id, .name_de, .name_en}) AS languages
OPTIONAL MATCH (o)-[:FOR]->(g:TargetGroup)
WITH o, a, topics, districts, languages, collect(DISTINCT g {.id, .name_de, .name_en}) AS target_groups
OPTIONAL MATCH (a)-[m:MEMBER_OF]->(w:WorkingGroup)
WHERE coalesce(m.since, $today) <= $today AND coalesce(m.until, $today) >= $today
WITH o, a, topics, districts, languages, target_groups,
     collect(DISTINCT w {.id, .name, role: m.role}) AS working_groups
OPTIONAL MATCH (a)<-[:PROVIDED_BY]-(other:Offer)
WHERE other.id <> o.id
RETURN o {.*} AS offer, a {.id, .name, .address, .phone, .email, .website} AS actor, topics,
       districts, languages, target_groups, working_groups,
       collect(DISTINCT other {.id, .name, .category, .valid_until}) AS other_offers
