// name: count_residence_status :scalar
// How many ResidenceStatus nodes the graph holds.
MATCH (n:ResidenceStatus)
RETURN count(n) AS n
