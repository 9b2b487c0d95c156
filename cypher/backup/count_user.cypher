// name: count_user :scalar
// How many User nodes the graph holds.
MATCH (n:User)
RETURN count(n) AS n
