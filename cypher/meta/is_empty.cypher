// name: is_empty :scalar
// Whether the graph holds no municipality yet (then the seeds may be loaded).
OPTIONAL MATCH (m:Municipality)
RETURN count(m) = 0 AS empty
