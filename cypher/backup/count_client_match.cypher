// name: count_client_match :scalar
// How many ClientMatch nodes the graph holds.
MATCH (n:ClientMatch)
RETURN count(n) AS n
