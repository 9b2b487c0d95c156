// name: count_working_group :scalar
// How many WorkingGroup nodes the graph holds.
MATCH (n:WorkingGroup)
RETURN count(n) AS n
