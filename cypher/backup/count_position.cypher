// name: count_position :scalar
// How many Position nodes the graph holds.
MATCH (n:Position)
RETURN count(n) AS n
