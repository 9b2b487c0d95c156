// name: count_nodes :scalar
// How many nodes the whole graph holds (to check a backup is complete).
MATCH (n)
RETURN count(n) AS n
