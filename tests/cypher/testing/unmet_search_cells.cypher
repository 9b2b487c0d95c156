// name: unmet_search_cells :many
// Every unmet-search counter with all its properties (tests only).
MATCH (s:UnmetSearch)
RETURN s {.*} AS cell
ORDER BY cell.id
