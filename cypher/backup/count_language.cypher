// name: count_language :scalar
// How many Language nodes the graph holds.
MATCH (n:Language)
RETURN count(n) AS n
