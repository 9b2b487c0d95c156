// name: count_meta :scalar
// How many Meta nodes the graph holds.
MATCH (n:Meta)
RETURN count(n) AS n
