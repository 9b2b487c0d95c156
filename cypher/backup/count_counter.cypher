// name: count_counter :scalar
// How many Counter nodes the graph holds.
MATCH (n:Counter)
RETURN count(n) AS n
