// name: record :write
// Count one search in each of $cells (need, district, language, month, reason) of a municipality; no case, no user.
UNWIND $cells AS cell
MERGE (s:UnmetSearch {id: cell.id})
ON CREATE SET s.municipality_id = $municipality_id, s.topic = cell.topic,
              s.district = cell.district, s.language = cell.language, s.month = cell.month,
              s.reason = cell.reason, s.n = 0
SET s.n = s.n + 1
RETURN count(s) AS recorded
