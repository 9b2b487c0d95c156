// name: count_target_group :scalar
// How many TargetGroup nodes the graph holds.
MATCH (n:TargetGroup)
RETURN count(n) AS n
