// name: count_directory_change :scalar
// How many DirectoryChange nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:DirectoryChange)
RETURN count(n) AS n
