// name: count_all_nodes :scalar
// How many nodes the graph holds, of any label.
MATCH (n)
RETURN count(n) AS n
