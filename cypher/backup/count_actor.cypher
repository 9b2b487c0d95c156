// name: count_actor :scalar
// How many Actor nodes the graph holds.
MATCH (n:Actor)
RETURN count(n) AS n
