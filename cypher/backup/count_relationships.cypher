// name: count_relationships :scalar
// How many relationships the whole graph holds (to check a backup is complete).
MATCH ()-[r]->()
RETURN count(r) AS n
