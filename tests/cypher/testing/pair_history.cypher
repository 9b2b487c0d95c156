// name: pair_history :scalar
// The decisions taken back on a same-client pair (tests only).
MATCH (m:SameClientPair {id: $pair_id})
RETURN m.history AS history
