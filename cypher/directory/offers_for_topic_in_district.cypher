// name: offers_for_topic_in_district :many
// Offers covering a topic that serve a district, with their organisation, by name.
// From the district (a few hundred offers serve it) and only then the topic: a topic is
// covered by offers of every municipality, and starting there grows with the state.
MATCH (:District {id: $district_id})<-[:SERVES]-(o:Offer)
WITH o
MATCH (o)-[:COVERS]->(:Topic {id: $topic_id})
MATCH (o)-[:PROVIDED_BY]->(a:Actor)
RETURN o {.id, .name, .category, .circle, .waiting_days} AS offer, a {.id, .name} AS actor
ORDER BY offer.name
LIMIT 100
