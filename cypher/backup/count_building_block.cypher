// name: count_building_block :scalar
// How many BuildingBlock nodes the graph holds.
MATCH (n:BuildingBlock)
RETURN count(n) AS n
