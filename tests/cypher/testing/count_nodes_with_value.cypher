// name: count_nodes_with_value :scalar
// How many nodes hold $value in any property (tests that secrets are not stored).
MATCH (n)
WHERE any(k IN keys(n) WHERE n[k] = $value)
RETURN count(n) AS n
