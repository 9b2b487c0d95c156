// name: offers_for_history :many
// The stored values of those offers in $offer_ids that exist (properties and link ids), so an import can record what it changes.
UNWIND $offer_ids AS offer_id
MATCH (o:Offer {id: offer_id})
RETURN o {.*} AS offer,
       [(o)-[:COVERS]->(t:Topic) | t.id] AS topic_ids,
       [(o)-[:SERVES]->(d:District) | d.id] AS district_ids,
       [(o)-[:AVAILABLE_IN]->(l:Language) | l.id] AS language_ids,
       [(o)-[:FOR]->(g:TargetGroup) | g.id] AS target_group_ids
