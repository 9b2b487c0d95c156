// name: graph_shape :one
// How many municipalities the graph holds and how many of them are generated (synthetic).
OPTIONAL MATCH (m:Municipality)
RETURN count(m) AS municipalities,
       count(CASE WHEN m.synthetic = true THEN 1 END) AS synthetic
