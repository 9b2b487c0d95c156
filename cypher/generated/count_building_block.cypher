// name: count_building_block :scalar
// How many BuildingBlock nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:BuildingBlock)
RETURN count(n) AS n
