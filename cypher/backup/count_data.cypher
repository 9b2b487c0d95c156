// name: count_data :scalar
// How many nodes other than the schema marker the graph holds (0 = empty, may be restored into).
MATCH (n)
WHERE NOT n:Meta
RETURN count(n) AS n
