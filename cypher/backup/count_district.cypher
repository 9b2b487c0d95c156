// name: count_district :scalar
// How many District nodes the graph holds.
MATCH (n:District)
RETURN count(n) AS n
