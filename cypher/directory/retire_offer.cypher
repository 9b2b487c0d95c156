// name: retire_offer :write
// End an offer on $valid_until (it stays in the directory, flagged) if still at $version, with a history entry.
MATCH (o:Offer {id: $offer_id})
WHERE coalesce(o.version, 0) = $version
SET o.valid_until = $valid_until, o.version = $version + 1
CREATE (c:DirectoryChange {id: $change_id, at: $at, user_id: $user_id, username: $username,
                           action: 'retire', changes: $changes})-[:CHANGED]->(o)
RETURN o.id AS id, o.version AS version
