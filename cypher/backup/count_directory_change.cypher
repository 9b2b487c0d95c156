// name: count_directory_change :scalar
// How many DirectoryChange nodes the graph holds.
MATCH (n:DirectoryChange)
RETURN count(n) AS n
