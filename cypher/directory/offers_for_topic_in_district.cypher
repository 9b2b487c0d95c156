// name: offers_for_topic_in_district :many
// Offers covering a topic that serve a district, with their organisation, by name.
MATCH (:Topic {id: $topic_id})<-[:COVERS]-(o:Offer)-[:SERVES]->(:District {id: $district_id})
MATCH (o)-[:PROVIDED_BY]->(a:Actor)
RETURN o {.id, .name, .category, .circle, .waiting_days} AS offer, a {.id, .name} AS actor
ORDER BY offer.name
LIMIT 100
