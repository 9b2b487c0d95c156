// name: undo_decision :write
// Take back the decision on a pair of the municipality: it is open again, and the decision taken back stays in its history (who decided, who undid, when).
MATCH (m:SameClientPair {id: $pair_id})
WHERE m.municipality_id = $municipality_id AND m.status IN ['confirmed', 'rejected']
SET m.history = coalesce(m.history, [])
      + [m.decided_on + ' ' + m.status + ' ' + coalesce(m.decided_by, '')
         + '; ' + $today + ' undone ' + $username],
    m.status = 'open', m.decided_by = null, m.decided_on = null
RETURN m.id AS id, m.status AS status, m.case_a AS case_a, m.case_b AS case_b
