// name: count_auth_session :scalar
// How many AuthSession nodes the graph holds.
MATCH (n:AuthSession)
RETURN count(n) AS n
