// name: count_topic :scalar
// How many Topic nodes the graph holds.
MATCH (n:Topic)
RETURN count(n) AS n
