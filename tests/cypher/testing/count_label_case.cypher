// name: count_label_case :scalar
// How many cases the graph holds.
MATCH (c:Case)
RETURN count(c) AS n
