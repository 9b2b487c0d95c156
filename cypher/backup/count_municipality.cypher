// name: count_municipality :scalar
// How many Municipality nodes the graph holds.
MATCH (n:Municipality)
RETURN count(n) AS n
