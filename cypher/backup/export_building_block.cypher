// name: export_building_block :many
// The BuildingBlock nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:BuildingBlock {id: id})
RETURN labels(n) AS labels, properties(n) AS props
