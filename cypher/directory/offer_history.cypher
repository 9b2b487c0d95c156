// name: offer_history :many
// Who changed an offer, when and what, newest first.
MATCH (:Offer {id: $offer_id})<-[:CHANGED]-(c:DirectoryChange)
RETURN c {.at, .username, .action, .changes} AS change
ORDER BY change.at DESC
LIMIT 200
