// name: rename_old_labels :write
// Give nodes of a graph written by an older graphsvc today's label (ClientMatch became SameClientPair).
MATCH (n:ClientMatch)
SET n:SameClientPair
REMOVE n:ClientMatch
RETURN count(n) AS renamed
