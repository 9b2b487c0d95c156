// name: count_snapshot :scalar
// How many Snapshot nodes the graph holds.
MATCH (n:Snapshot)
RETURN count(n) AS n
