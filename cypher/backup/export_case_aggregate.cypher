// name: export_case_aggregate :many
// The CaseAggregate nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:CaseAggregate {id: id})
RETURN labels(n) AS labels, properties(n) AS props
