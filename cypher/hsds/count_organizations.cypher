// name: count_organizations :scalar
// How many actors the directory holds (HSDS organizations).
MATCH (a:Actor)
RETURN count(a) AS n
