// name: count_case :scalar
// How many Case nodes the graph holds.
MATCH (n:Case)
RETURN count(n) AS n
