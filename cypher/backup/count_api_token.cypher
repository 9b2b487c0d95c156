// name: count_api_token :scalar
// How many ApiToken nodes the graph holds.
MATCH (n:ApiToken)
RETURN count(n) AS n
