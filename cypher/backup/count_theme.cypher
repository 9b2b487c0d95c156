// name: count_theme :scalar
// How many Theme nodes the graph holds.
MATCH (n:Theme)
RETURN count(n) AS n
